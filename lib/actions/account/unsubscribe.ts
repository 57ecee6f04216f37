"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { unsubscribeByToken, unsubscribeTokenInput } from "@/lib/notifications";

/** The unsubscribe page's button: works signed out, the signed token is the credential. */
export const unsubscribeAction = action({
  permission: "public",
  input: z.object({ token: unsubscribeTokenInput }),
  run: async ({ token }, { meta }) => unsubscribeByToken(token, meta),
});
