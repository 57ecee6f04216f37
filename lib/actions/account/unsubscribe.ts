"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { unsubscribeByToken } from "@/lib/notifications";

/** The unsubscribe page's button: works signed out, the signed token is the credential. */
export const unsubscribeAction = action({
  permission: "public",
  input: z.object({ token: z.string().min(10, "This link is incomplete.").max(300, "This link is not valid.") }),
  run: async ({ token }, { meta }) => unsubscribeByToken(token, meta),
});
