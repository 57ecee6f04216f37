"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { revokeSession } from "@/lib/auth";

/** Ends one of the caller's own sessions; revokeSession scopes it and writes the audit. */
export const revokeSessionAction = action({
  permission: "account:manage",
  input: z.object({ sessionId: z.string().min(1).max(64) }),
  run: async ({ sessionId }, { actor, meta }) => {
    await revokeSession(actor, sessionId, meta);
    revalidatePath("/account");
    return { revoked: sessionId };
  },
});
