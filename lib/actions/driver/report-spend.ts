"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { actorOf } from "@/lib/auth";
import { reportSpend, reportSpendInput } from "@/lib/merchants/redemptions";

/** "Not me? Report it" on a payment in the driver's wallet. */
export const reportSpendAction = action({
  permission: "driver:use",
  input: reportSpendInput,
  run: async (input, { session, meta }) => {
    const reported = await reportSpend(actorOf(session), input, meta);
    revalidatePath("/app/wallet");
    return reported;
  },
});
