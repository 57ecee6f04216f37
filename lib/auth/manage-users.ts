import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/access";
import type { RequestMeta } from "./request-meta";

export const userIdInput = z.object({
  userId: z.string().min(1).max(64),
  reason: z.string().trim().max(300).optional(),
});
export const roleInput = z.object({ userId: z.string().min(1).max(64), role: z.enum(["DRIVER", "MERCHANT", "ADMIN"]) });

/** Suspension blocks sign-in and ends every session in the same transaction. */
export async function suspendUser(actor: Actor, input: z.infer<typeof userIdInput>, meta: RequestMeta) {
  assertCan(actor, "admin:manage-users");
  const adminId = actor.userId;
  if (input.userId === adminId) throw new AppError("self_suspend", "You cannot suspend your own account.");
  return db().$transaction(async (tx) => {
    // only an active account moves: a replayed or double-clicked suspension changes and audits nothing
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, status: "ACTIVE" },
      data: { status: "SUSPENDED" },
    });
    if (count === 0) throw await unchanged(tx, input.userId, "suspended");
    const ended = (await tx.session.deleteMany({ where: { userId: input.userId } })).count;
    await recordAudit(
      {
        action: "admin.user_suspended",
        actorId: adminId,
        targetType: "user",
        targetId: input.userId,
        metadata: { reason: input.reason, endedSessions: ended },
        ...meta,
      },
      tx,
    );
    return { endedSessions: ended };
  });
}

/** Why a status change moved nothing: no such user, or it is already in that state. */
async function unchanged(client: Pick<Tx, "user">, userId: string, already: "suspended" | "active") {
  const user = await client.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return notFound("That user");
  return new AppError("user_status_unchanged", `This account is already ${already}: nothing changed.`);
}

/** Inside the caller's transaction (a review decision): suspends and ends every session; the caller audits. */
export async function suspendUserInTx(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.user.updateMany({ where: { id: userId }, data: { status: "SUSPENDED" } });
  if (count === 0) throw notFound("That user");
  const ended = await tx.session.deleteMany({ where: { userId } });
  return ended.count;
}

export async function reinstateUser(actor: Actor, input: z.infer<typeof userIdInput>, meta: RequestMeta) {
  assertCan(actor, "admin:manage-users");
  const adminId = actor.userId;
  const { count } = await db().user.updateMany({
    where: { id: input.userId, status: "SUSPENDED" },
    data: { status: "ACTIVE" },
  });
  if (count === 0) throw await unchanged(db(), input.userId, "active");
  await recordAudit({
    action: "admin.user_reinstated",
    actorId: adminId,
    targetType: "user",
    targetId: input.userId,
    metadata: { reason: input.reason },
    ...meta,
  });
}

export async function changeUserRole(actor: Actor, input: z.infer<typeof roleInput>, meta: RequestMeta) {
  assertCan(actor, "admin:manage-users");
  const adminId = actor.userId;
  if (input.userId === adminId) throw new AppError("self_role", "You cannot change your own role.");
  const before = await db().user.findUnique({ where: { id: input.userId }, select: { role: true } });
  if (!before) throw notFound("That user");
  await db().user.update({ where: { id: input.userId }, data: { role: input.role } });
  await recordAudit({
    action: "admin.role_changed",
    actorId: adminId,
    targetType: "user",
    targetId: input.userId,
    metadata: { from: before.role, to: input.role },
    ...meta,
  });
}

/** Admin search over every account (name, email, phone). */
export async function searchUsers(actor: Actor, query: string, take = 25) {
  assertCan(actor, "admin:view");
  const q = query.trim();
  return db().user.findMany({
    where: q
      ? {
          OR: [
            { email: { contains: q, mode: "insensitive" } },
            { name: { contains: q, mode: "insensitive" } },
            { phone: { contains: q } },
          ],
        }
      : undefined,
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      email: true,
      phone: true,
      name: true,
      role: true,
      status: true,
      createdAt: true,
      _count: { select: { sessions: true } },
    },
  });
}
