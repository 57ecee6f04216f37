"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { directSpend, directSpendInput } from "@/lib/merchants/redemptions";
import { merchantFor } from "./merchant-for";

export const directSpendAction = action({
  permission: "merchant:operate",
  input: directSpendInput,
  run: async (input, { session, meta }) => {
    const spent = await directSpend(session.user.id, await merchantFor(session), input, meta);
    // also re-renders this form with a fresh idempotency key for the next customer
    revalidatePath("/merchant", "layout");
    return { transactionId: spent.transactionId, amount: spent.amount, replayed: spent.replayed };
  },
});
