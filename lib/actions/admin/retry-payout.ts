"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { payoutDecisionInput, retryPayoutSubmission } from "@/lib/payouts";

export const retryPayoutAction = action({
  permission: "admin:payouts",
  input: payoutDecisionInput,
  run: async (input, { actor, meta }) => {
    const result = await retryPayoutSubmission(actor, input, meta);
    revalidatePath(`/admin/payouts/${input.payoutId}`);
    return result;
  },
});
