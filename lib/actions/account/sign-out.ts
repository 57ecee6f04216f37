"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { clearSessionCookie, revokeSessionByToken } from "@/lib/auth";

export const signOutAction = action({
  permission: "public",
  input: z.object({}),
  run: async (_input, { session, meta }) => {
    const token = await clearSessionCookie();
    if (token) await revokeSessionByToken(token);
    if (session) await recordAudit({ action: "auth.sign_out", actorId: session.user.id, ...meta });
    redirect("/signin?signedOut=1");
  },
});
