"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/actions";
import { redeemInput, redeemOffer } from "@/lib/merchants";

export const redeemOfferAction = action({
  permission: "driver:use",
  input: redeemInput,
  run: async (input, { actor, meta }) => {
    const code = await redeemOffer(actor, input, meta);
    // balances in the top bar and wallet change; forms on /app get fresh idempotency keys
    revalidatePath("/app", "layout");
    redirect(`/app/codes/${code.id}`);
  },
});
