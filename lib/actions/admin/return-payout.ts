"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { payoutDecisionInput, returnPayoutByAdmin } from "@/lib/payouts";

export const returnPayoutAction = action({
  permission: "admin:payouts",
  input: payoutDecisionInput,
  run: async (input, { actor, meta }) => {
    const result = await returnPayoutByAdmin(actor, input, meta);
    revalidatePath("/admin/payouts", "layout");
    return result;
  },
});
