"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { recordAudit } from "@/lib/audit";
import { revokeSession } from "@/lib/auth";
import { notFound } from "@/lib/errors";

export const revokeSessionAction = action({
  permission: "account:manage",
  input: z.object({ sessionId: z.string().min(1).max(64) }),
  run: async ({ sessionId }, { session, meta }) => {
    if (!(await revokeSession(session.user.id, sessionId))) throw notFound("That session");
    await recordAudit({
      action: "auth.session_revoked",
      actorId: session.user.id,
      targetType: "session",
      targetId: sessionId,
      ...meta,
    });
    revalidatePath("/account");
    return { revoked: sessionId };
  },
});
