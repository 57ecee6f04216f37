"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { action } from "@/lib/actions";
import {
  addBusiness,
  businessInput,
  businessWithAccountInput,
  MERCHANT_COOKIE,
  merchantCookieOptions,
  signUpBusinessWithAccount,
} from "@/lib/merchants";
import { finishSignIn } from "../auth/finish-sign-in";

/** A new person: their merchant account and their business in one form; lands on the pending dashboard. */
export const signUpBusinessAction = action({
  permission: "public",
  input: businessWithAccountInput,
  run: async (input, { meta }) => {
    const session = await signUpBusinessWithAccount(input, meta);
    (await cookies()).set(MERCHANT_COOKIE, session.merchantId, merchantCookieOptions());
    return finishSignIn(session, "/merchant");
  },
});

/** A signed-in merchant user adds another business, and switches to it. */
export const addBusinessAction = action({
  permission: "account:manage",
  input: businessInput,
  run: async (input, { actor, meta }) => {
    const merchant = await addBusiness(actor, input, meta);
    (await cookies()).set(MERCHANT_COOKIE, merchant.id, merchantCookieOptions());
    redirect("/merchant");
  },
});
