"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { actorOf } from "@/lib/auth";
import { cancelCode, redeemInput, redeemOffer } from "@/lib/merchants/redemptions";

export const redeemOfferAction = action({
  permission: "driver:use",
  input: redeemInput,
  run: async (input, { session, meta }) => {
    const code = await redeemOffer(actorOf(session), input, meta);
    // balances in the top bar and wallet change; forms on /app get fresh idempotency keys
    revalidatePath("/app", "layout");
    redirect(`/app/codes/${code.id}`);
  },
});

export const cancelCodeAction = action({
  permission: "driver:use",
  input: z.object({ codeId: z.string().min(1).max(64) }),
  run: async ({ codeId }, { session }) => {
    await cancelCode(actorOf(session), codeId);
    revalidatePath("/app", "layout");
    return { codeId };
  },
});
