"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { reportSpend, reportSpendInput } from "@/lib/merchants";

/** "Not me? Report it" on a payment in the driver's wallet. */
export const reportSpendAction = action({
  permission: "driver:use",
  input: reportSpendInput,
  run: async (input, { actor, meta }) => {
    const reported = await reportSpend(actor, input, meta);
    revalidatePath("/app/wallet");
    return reported;
  },
});
