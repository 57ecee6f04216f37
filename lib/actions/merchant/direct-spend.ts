"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { directSpend, directSpendInput, merchantIdInput } from "@/lib/merchants";

// The merchant being worked on comes with the form; the domain call checks the membership.
export const directSpendAction = action({
  permission: "merchant:operate",
  input: directSpendInput.extend({ merchantId: merchantIdInput }),
  run: async ({ merchantId, ...input }, { actor, meta }) => {
    const spent = await directSpend(actor, merchantId, input, meta);
    // also re-renders this form with a fresh idempotency key for the next customer
    revalidatePath("/merchant", "layout");
    return { transactionId: spent.transactionId, amount: spent.amount, replayed: spent.replayed };
  },
});
