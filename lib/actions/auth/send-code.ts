"use server";

import { action } from "@/lib/actions";
import { sendCodeInput, sendSignInCode } from "@/lib/auth";

export const sendCodeAction = action({
  permission: "public",
  input: sendCodeInput,
  run: (input, { meta }) => sendSignInCode(input, meta),
});
