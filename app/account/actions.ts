"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import {
  changePassword,
  changePasswordInput,
  actorOf,
  clearSessionCookie,
  revokeAllSessions,
  revokeSession,
  revokeSessionByToken,
} from "@/lib/auth";

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

export const signOutEverywhereAction = action({
  permission: "account:manage",
  input: z.object({}),
  run: async (_input, { session, meta }) => {
    const ended = await revokeAllSessions(session.user.id);
    await clearSessionCookie();
    await recordAudit({ action: "auth.sign_out_everywhere", actorId: session.user.id, metadata: { ended }, ...meta });
    redirect("/signin?signedOut=all");
  },
});

export const revokeSessionAction = action({
  permission: "account:manage",
  input: z.object({ sessionId: z.string().min(1).max(64) }),
  run: async ({ sessionId }, { session, meta }) => {
    await revokeSession(actorOf(session), sessionId, meta);
    revalidatePath("/account");
    return { revoked: sessionId };
  },
});

export const changePasswordAction = action({
  permission: "account:manage",
  input: changePasswordInput,
  run: async (input, { session, meta }) => {
    const result = await changePassword(actorOf(session), session.sessionId, input, meta);
    revalidatePath("/account");
    return result;
  },
});
