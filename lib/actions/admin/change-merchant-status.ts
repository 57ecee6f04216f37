"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { changeMerchantStatus, changeMerchantStatusInput } from "@/lib/merchants";

export const changeMerchantStatusAction = action({
  permission: "admin:manage-merchants",
  input: changeMerchantStatusInput,
  run: async (input, { actor, meta }) => {
    const merchant = await changeMerchantStatus(actor, input, meta);
    revalidatePath("/admin/merchants");
    revalidatePath(`/admin/merchants/${merchant.id}`);
    return { name: merchant.name, status: merchant.status };
  },
});
