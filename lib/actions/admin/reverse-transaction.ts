"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { reverseInput, reverseTransaction } from "@/lib/rewards";

export const reverseTransactionAction = action({
  permission: "admin:grant",
  input: reverseInput,
  run: async (input, { actor, meta }) => {
    const posted = await reverseTransaction(actor, input, meta);
    revalidatePath(`/admin/ledger/${input.transactionId}`);
    revalidatePath("/admin/drivers/[userId]", "page");
    return posted;
  },
});
