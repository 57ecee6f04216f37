"use server";

import { redirect } from "next/navigation";
import { action } from "@/lib/actions";
import { resetPassword, resetPasswordInput } from "@/lib/auth";

export const resetPasswordAction = action({
  permission: "public",
  input: resetPasswordInput,
  run: async (input, { meta }) => {
    await resetPassword(input, meta);
    redirect("/signin?reset=1");
  },
});
