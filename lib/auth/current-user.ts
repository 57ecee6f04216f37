import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { NextRequest } from "next/server";
import { forbidden, unauthorized } from "@/lib/errors";
import { sessionCookie } from "./cookies";
import { can, type Permission } from "@/lib/access";
import { metaFromHeaders } from "./request-meta";
import { findSession, type CurrentSession } from "./sessions";

/** The signed-in session for this request (looked up in the database every request, so revocation is immediate). */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const token = (await cookies()).get(sessionCookie().name)?.value;
  if (!token) return null;
  return findSession(token, metaFromHeaders(await headers()));
});

export async function sessionFromRequest(req: NextRequest): Promise<CurrentSession | null> {
  const token = req.cookies.get(sessionCookie().name)?.value;
  return token ? findSession(token, metaFromHeaders(req.headers)) : null;
}

/** For actions and route handlers: 401 without a session, 403 without the permission. */
export function authorize(session: CurrentSession | null, permission: Permission): CurrentSession {
  if (!session) throw unauthorized();
  if (!can(session.user.role, permission)) throw forbidden();
  return session;
}

/** For pages and layouts: sends signed-out visitors to sign in, and the wrong role to /denied. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<CurrentSession> {
  const session = await getCurrentSession();
  if (!session) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(session.user.role, permission)) redirect("/denied");
  return session;
}
