import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { setSessionCookie } from "@/lib/auth";
import { homeFor, type Role } from "@/lib/access";
import { safeRedirectPath } from "@/lib/validation";

/**
 * The optional "back to where you were" field of the sign-in forms. Checked while the input is
 * parsed, before anything is written: a target that leaves our origin (or cannot go into a
 * Location header) becomes "no target", and the person lands on their home.
 */
export const callbackUrl = z
  .string()
  .optional()
  .transform((target) => safeRedirectPath(target) ?? undefined);

/** Sets the session cookie and sends the person on to where they were going (or their home). */
export async function finishSignIn(
  session: { sessionToken: string; expires: Date; role: Role },
  landing?: string,
): Promise<never> {
  await setSessionCookie(session.sessionToken, session.expires);
  redirect(landing ?? homeFor(session.role));
}
