"use server";

import { action } from "@/lib/actions";
import { verifyCodeInput, verifySignInCode } from "@/lib/auth";
import { callbackUrl, finishSignIn } from "./finish-sign-in";

export const verifyCodeAction = action({
  permission: "public",
  input: verifyCodeInput.extend({ callbackUrl }),
  run: async ({ callbackUrl, ...input }, { meta }) => finishSignIn(await verifySignInCode(input, meta), callbackUrl),
});
