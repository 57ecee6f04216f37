"use server";

import { action } from "@/lib/actions";
import { signInInput, signInWithPassword } from "@/lib/auth";
import { callbackUrl, finishSignIn } from "./finish-sign-in";

export const signInAction = action({
  permission: "public",
  input: signInInput.extend({ callbackUrl }),
  run: async ({ callbackUrl, ...input }, { meta }) => finishSignIn(await signInWithPassword(input, meta), callbackUrl),
});
