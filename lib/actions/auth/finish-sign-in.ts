import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { homeFor, setSessionCookie, type Role } from "@/lib/auth";

/** The optional "back to where you were" field of the sign-in forms. */
export const callbackUrl = z.string().max(500).optional();

/** Only same-site paths: never `//evil.example` or an absolute URL. */
function landingFor(role: Role, requested?: string): string {
  return requested && /^\/(?![/\\])/.test(requested) ? requested : homeFor(role);
}

/** Sets the session cookie and sends the person on to where they were going (or their home). */
export async function finishSignIn(
  session: { sessionToken: string; expires: Date; role: Role },
  requested?: string,
): Promise<never> {
  await setSessionCookie(session.sessionToken, session.expires);
  redirect(landingFor(session.role, requested));
}
