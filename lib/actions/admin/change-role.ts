"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { changeUserRole, roleInput } from "@/lib/auth";

export const changeRoleAction = action({
  permission: "admin:manage-users",
  input: roleInput,
  run: async (input, { actor, meta }) => {
    await changeUserRole(actor, input, meta);
    revalidatePath("/admin/users");
    return { role: input.role };
  },
});
