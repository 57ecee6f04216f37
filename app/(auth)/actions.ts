"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import {
  consumeLinkInput,
  consumeMagicLink,
  homeFor,
  requestLinkInput,
  requestMagicLink,
  requestPasswordReset,
  requestResetInput,
  resetPassword,
  resetPasswordInput,
  sendCodeInput,
  sendSignInCode,
  setSessionCookie,
  signInInput,
  signInWithPassword,
  signUpInput,
  signUpWithPassword,
  verifyCodeInput,
  verifySignInCode,
  type Role,
} from "@/lib/auth";

const callbackUrl = z.string().max(500).optional();

/** Only same-site paths: never `//evil.example` or an absolute URL. */
function landingFor(role: Role, requested?: string): string {
  return requested && /^\/(?![/\\])/.test(requested) ? requested : homeFor(role);
}

async function finishSignIn(
  session: { sessionToken: string; expires: Date; role: Role },
  requested?: string,
): Promise<never> {
  await setSessionCookie(session.sessionToken, session.expires);
  redirect(landingFor(session.role, requested));
}

export const signInAction = action({
  permission: "public",
  input: signInInput.extend({ callbackUrl }),
  run: async ({ callbackUrl, ...input }, { meta }) => finishSignIn(await signInWithPassword(input, meta), callbackUrl),
});

export const signUpAction = action({
  permission: "public",
  input: signUpInput.extend({ callbackUrl }),
  run: async ({ callbackUrl, ...input }, { meta }) => finishSignIn(await signUpWithPassword(input, meta), callbackUrl),
});

export const requestLinkAction = action({
  permission: "public",
  input: requestLinkInput,
  run: async (input, { meta }) => {
    await requestMagicLink(input, meta);
    return { sentTo: input.email };
  },
});

export const consumeLinkAction = action({
  permission: "public",
  input: consumeLinkInput,
  run: async (input, { meta }) => finishSignIn(await consumeMagicLink(input, meta)),
});

export const sendCodeAction = action({
  permission: "public",
  input: sendCodeInput,
  run: (input, { meta }) => sendSignInCode(input, meta),
});

export const verifyCodeAction = action({
  permission: "public",
  input: verifyCodeInput.extend({ callbackUrl }),
  run: async ({ callbackUrl, ...input }, { meta }) => finishSignIn(await verifySignInCode(input, meta), callbackUrl),
});

export const requestResetAction = action({
  permission: "public",
  input: requestResetInput,
  run: async (input, { meta }) => {
    await requestPasswordReset(input, meta);
    return { sentTo: input.email };
  },
});

export const resetPasswordAction = action({
  permission: "public",
  input: resetPasswordInput,
  run: async (input, { meta }) => {
    await resetPassword(input, meta);
    redirect("/signin?reset=1");
  },
});
