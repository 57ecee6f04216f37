"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { changePassword, changePasswordInput } from "@/lib/auth";

export const changePasswordAction = action({
  permission: "account:manage",
  input: changePasswordInput,
  run: async (input, { session, actor, meta }) => {
    const result = await changePassword(actor, session.sessionId, input, meta);
    revalidatePath("/account");
    return result;
  },
});
