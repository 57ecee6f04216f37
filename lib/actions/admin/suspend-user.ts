"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { suspendUser, userIdInput } from "@/lib/auth";

export const suspendUserAction = action({
  permission: "admin:manage-users",
  input: userIdInput,
  run: async (input, { actor, meta }) => {
    const result = await suspendUser(actor, input, meta);
    revalidatePath("/admin/users");
    revalidatePath("/admin/drivers/[userId]", "page");
    return result;
  },
});
