import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db, Prisma, queryRows } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/access";
import { SESSION_MAX_AGE_SECONDS } from "./cookies";
import type { RequestMeta } from "./request-meta";

export type SessionMeta = { userAgent?: string | null; ip?: string | null };
export type SessionUser = {
  id: string;
  email: string | null;
  phone: string | null;
  name: string | null;
  role: "DRIVER" | "MERCHANT" | "ADMIN";
};
export type CurrentSession = { sessionId: string; user: SessionUser };

const TOUCH_EVERY_MS = 5 * 60 * 1000;
// Tokens are base64url (ours) or UUIDs (next-auth's). A cookie of any other shape (`%00`, spaces,
// kilobytes) is no session: it never reaches the database, where a NUL would be a 500.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export function isSessionTokenShaped(value: unknown): value is string {
  return typeof value === "string" && TOKEN_SHAPE.test(value);
}

/** A new, random session id at every sign-in (never reused, so no fixation). */
export async function createSession(userId: string, meta: SessionMeta = {}) {
  const sessionToken = randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  const session = await db().session.create({
    data: { sessionToken, userId, expires, userAgent: meta.userAgent?.slice(0, 300), ip: meta.ip },
  });
  return { sessionId: session.id, sessionToken, expires };
}

type SessionRow = SessionUser & { sessionId: string; expires: Date; status: string };

/**
 * The live session behind a cookie value: unexpired and belonging to an active user. One
 * statement (this runs on every signed-in request): the session joined to its user, and the
 * sliding-expiry touch when it is due (every TOUCH_EVERY_MS, or a session without its device yet)
 * as a data-modifying CTE that only ever writes a live session. Read on every request, never
 * cached, so a revoked session or a suspended user is refused on the very next request.
 */
export async function findSession(sessionToken: string, meta: SessionMeta = {}): Promise<CurrentSession | null> {
  if (!isSessionTokenShaped(sessionToken)) return null;
  const now = new Date();
  const touchBefore = new Date(now.getTime() - TOUCH_EVERY_MS);
  const [row] = await queryRows<SessionRow>(Prisma.sql`
    WITH found AS (
      SELECT s."id", s."expires", s."lastSeenAt", s."userAgent", u."id" AS "userId", u."email", u."phone",
             u."name", u."role"::text AS "role", u."status"::text AS "status"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."sessionToken" = ${sessionToken}
    ), touched AS (
      UPDATE "Session" t
      SET "lastSeenAt" = ${now},
          "userAgent" = COALESCE(t."userAgent", ${meta.userAgent?.slice(0, 300) ?? null}),
          "ip" = CASE WHEN t."userAgent" IS NULL THEN COALESCE(${meta.ip ?? null}, t."ip") ELSE t."ip" END
      FROM found f
      WHERE t."id" = f."id" AND f."expires" > ${now} AND f."status" = 'ACTIVE'
        AND (f."lastSeenAt" < ${touchBefore} OR f."userAgent" IS NULL)
    )
    SELECT "id" AS "sessionId", "expires", "userId" AS "id", "email", "phone", "name", "role", "status" FROM found`);
  if (!row || row.expires <= new Date() || row.status !== "ACTIVE") return null;
  const { sessionId, expires: _expires, status: _status, ...user } = row;
  return { sessionId, user: user as SessionUser };
}

/** The actor's own live sessions (devices signed in). */
export async function listSessions(actor: Actor) {
  assertCan(actor, "account:manage");
  return db().session.findMany({
    where: { userId: actor.userId, expires: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
}

/** Ends one of the actor's own sessions; another person's session id is not found. */
export async function revokeSession(actor: Actor, sessionId: string, meta: RequestMeta): Promise<void> {
  assertCan(actor, "account:manage");
  const { count } = await db().session.deleteMany({ where: { id: sessionId, userId: actor.userId } });
  if (count !== 1) throw notFound("That session");
  await recordAudit({
    action: "auth.session_revoked",
    actorId: actor.userId,
    targetType: "session",
    targetId: sessionId,
    ...meta,
  });
}

export async function revokeSessionByToken(sessionToken: string): Promise<void> {
  if (!isSessionTokenShaped(sessionToken)) return;
  await db().session.deleteMany({ where: { sessionToken } });
}

/** Ends every session of the user, optionally keeping the current one. */
export async function revokeAllSessions(userId: string, keepSessionId?: string): Promise<number> {
  const { count } = await db().session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  return count;
}
