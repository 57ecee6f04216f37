"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { clearSessionCookie, revokeAllSessions } from "@/lib/auth";

export const signOutEverywhereAction = action({
  permission: "account:manage",
  input: z.object({}),
  run: async (_input, { session, actor, meta }) => {
    const ended = await revokeAllSessions(actor.userId);
    await clearSessionCookie();
    await recordAudit({ action: "auth.sign_out_everywhere", actorId: session.user.id, metadata: { ended }, ...meta });
    redirect("/signin?signedOut=all");
  },
});
