"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { reinstateUser, userIdInput } from "@/lib/auth";

export const reinstateUserAction = action({
  permission: "admin:manage-users",
  input: userIdInput,
  run: async (input, { actor, meta }) => {
    await reinstateUser(actor, input, meta);
    revalidatePath("/admin/users");
    revalidatePath("/admin/drivers/[userId]", "page");
    return { reinstated: input.userId };
  },
});
