import "server-only";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/access";
import type { RequestMeta } from "./request-meta";
import { createSession } from "./sessions";

export const suspendedError = () =>
  new AppError("suspended", "This account is suspended. Contact support@nerava.app for help.");

/** The last step of every sign-in method: refuse suspended accounts, open a session, audit it. */
export async function completeSignIn(
  user: { id: string; role: Role; status: string },
  method: string,
  meta: RequestMeta,
) {
  if (user.status !== "ACTIVE") {
    await recordAudit({
      action: "auth.sign_in_refused",
      actorId: user.id,
      metadata: { method, reason: "suspended" },
      ...meta,
    });
    throw suspendedError();
  }
  const session = await createSession(user.id, meta);
  await recordAudit({ action: "auth.sign_in", actorId: user.id, metadata: { method }, ...meta });
  return { ...session, role: user.role };
}
