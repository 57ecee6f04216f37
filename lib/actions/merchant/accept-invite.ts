"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { action } from "@/lib/actions";
import {
  acceptInvite,
  acceptInviteInput,
  acceptInviteWithAccountInput,
  acceptInviteWithNewAccount,
  MERCHANT_COOKIE,
  merchantCookieOptions,
} from "@/lib/merchants";
import { finishSignIn } from "../auth/finish-sign-in";

/** A signed-in person accepts an invitation sent to their email, and starts working on that merchant. */
export const acceptInviteAction = action({
  permission: "account:manage",
  input: acceptInviteInput,
  run: async (input, { actor, meta }) => {
    const joined = await acceptInvite(actor, input, meta);
    (await cookies()).set(MERCHANT_COOKIE, joined.merchantId, merchantCookieOptions());
    redirect("/merchant");
  },
});

/** Someone new creates their account for the invited email and joins in the same step. */
export const acceptInviteWithAccountAction = action({
  permission: "public",
  input: acceptInviteWithAccountInput,
  run: async (input, { meta }) => {
    const session = await acceptInviteWithNewAccount(input, meta);
    (await cookies()).set(MERCHANT_COOKIE, session.merchantId, merchantCookieOptions());
    return finishSignIn(session, "/merchant");
  },
});
