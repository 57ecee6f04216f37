"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { redeemInput, redeemOffer, releaseRedemption } from "@/lib/merchants/redemptions";

export const redeemOfferAction = action({
  permission: "driver:use",
  input: redeemInput,
  run: async (input, { session, meta }) => {
    const code = await redeemOffer(session.user.id, input, meta);
    // balances in the top bar and wallet change; forms on /app get fresh idempotency keys
    revalidatePath("/app", "layout");
    redirect(`/app/codes/${code.id}`);
  },
});

export const cancelCodeAction = action({
  permission: "driver:use",
  input: z.object({ codeId: z.string().min(1).max(64) }),
  run: async ({ codeId }, { session }) => {
    // scoped by driver in the conditional update: another driver's code id releases nothing
    const released = await releaseRedemption({ codeId, expired: false, driverId: session.user.id });
    if (!released)
      throw new AppError(
        "not_cancellable",
        "This code can no longer be cancelled: it was already used, cancelled or has expired.",
      );
    revalidatePath("/app", "layout");
    return { codeId };
  },
});
