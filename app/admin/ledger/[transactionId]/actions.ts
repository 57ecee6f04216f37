"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { actorOf } from "@/lib/auth";
import { reverseInput, reverseTransaction } from "@/lib/rewards";

export const reverseTransactionAction = action({
  permission: "admin:grant",
  input: reverseInput,
  run: async (input, { session, meta }) => {
    const posted = await reverseTransaction(actorOf(session), input, meta);
    revalidatePath(`/admin/ledger/${input.transactionId}`);
    return posted;
  },
});
