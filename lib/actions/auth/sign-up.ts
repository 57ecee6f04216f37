"use server";

import { action } from "@/lib/actions";
import { signUpInput, signUpWithPassword } from "@/lib/auth";
import { callbackUrl, finishSignIn } from "./finish-sign-in";

export const signUpAction = action({
  permission: "public",
  input: signUpInput.extend({ callbackUrl }),
  run: async ({ callbackUrl, ...input }, { meta }) => finishSignIn(await signUpWithPassword(input, meta), callbackUrl),
});
