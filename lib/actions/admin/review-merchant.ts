"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { approveMerchant, approveMerchantInput, rejectMerchant, rejectMerchantInput } from "@/lib/merchants";

export const approveMerchantAction = action({
  permission: "admin:manage-merchants",
  input: approveMerchantInput,
  run: async (input, { actor, meta }) => {
    const merchant = await approveMerchant(actor, input, meta);
    revalidatePath("/admin/merchants");
    return { name: merchant.name };
  },
});

export const rejectMerchantAction = action({
  permission: "admin:manage-merchants",
  input: rejectMerchantInput,
  run: async (input, { actor, meta }) => {
    const merchant = await rejectMerchant(actor, input, meta);
    revalidatePath("/admin/merchants");
    return { name: merchant.name };
  },
});
