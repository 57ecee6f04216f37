"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { recordMerchantTopUp, topUpInput } from "@/lib/funding";

export const recordTopUpAction = action({
  permission: "admin:merchant-funding",
  input: topUpInput,
  run: async (input, { actor, meta }) => {
    const posted = await recordMerchantTopUp(actor, input, meta);
    revalidatePath(`/admin/accounts/MERCHANT/${input.merchantId}`);
    return { ...posted, amountCents: input.amountCents };
  },
});
