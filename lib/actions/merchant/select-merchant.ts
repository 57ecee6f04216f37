"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { MERCHANT_COOKIE, merchantCookieOptions, selectWorkingMerchant } from "@/lib/merchants";
import { action } from "../action";

/** A member of several merchants chooses the one they work on; the choice is checked against membership. */
export const selectMerchantAction = action({
  permission: "merchant:view",
  input: z.object({ merchantId: z.string().min(1).max(64) }),
  run: async ({ merchantId }, { actor }) => {
    const chosen = await selectWorkingMerchant(actor, merchantId);
    (await cookies()).set(MERCHANT_COOKIE, chosen, merchantCookieOptions());
    redirect("/merchant");
  },
});
