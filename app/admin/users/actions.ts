"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { actorOf, changeUserRole, reinstateUser, roleInput, suspendUser, userIdInput } from "@/lib/auth";

export const suspendUserAction = action({
  permission: "admin:manage-users",
  input: userIdInput,
  run: async (input, { session, meta }) => {
    const result = await suspendUser(actorOf(session), input, meta);
    revalidatePath("/admin/users");
    return result;
  },
});

export const reinstateUserAction = action({
  permission: "admin:manage-users",
  input: userIdInput,
  run: async (input, { session, meta }) => {
    await reinstateUser(actorOf(session), input, meta);
    revalidatePath("/admin/users");
    return { reinstated: input.userId };
  },
});

export const changeRoleAction = action({
  permission: "admin:manage-users",
  input: roleInput,
  run: async (input, { session, meta }) => {
    await changeUserRole(actorOf(session), input, meta);
    revalidatePath("/admin/users");
    return { role: input.role };
  },
});
