"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { cashOutInput, requestCashOut } from "@/lib/payouts";

export const requestCashOutAction = action({
  permission: "driver:use",
  input: cashOutInput,
  run: async (input, { actor, meta }) => {
    const payout = await requestCashOut(actor, input, meta);
    // balances in the top bar and wallet change; the form gets a fresh idempotency key
    revalidatePath("/app", "layout");
    return payout;
  },
});
