import "server-only";
import { cookies } from "next/headers";
import { sessionCookie } from "./cookies";
import { revokeSessionByToken } from "./sessions";

/** Replaces any previous session of this browser with the new one. */
export async function setSessionCookie(sessionToken: string, expires: Date): Promise<void> {
  const jar = await cookies();
  const { name, options } = sessionCookie();
  const previous = jar.get(name)?.value;
  if (previous && previous !== sessionToken) await revokeSessionByToken(previous);
  jar.set(name, sessionToken, { ...options, expires });
}

export async function clearSessionCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const { name, options } = sessionCookie();
  const token = jar.get(name)?.value;
  jar.set(name, "", { ...options, maxAge: 0 });
  return token;
}
