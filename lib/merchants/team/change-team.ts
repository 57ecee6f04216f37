import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { requireOwner, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

const id = z.string().min(1).max(64);
export const revokeInviteInput = z.object({ merchantId: id, inviteId: id });
export const removeMemberInput = z.object({ merchantId: id, memberId: id });

/** Owners only: an invitation still waiting stops working at once. */
export async function revokeInvite(actor: Actor, input: z.infer<typeof revokeInviteInput>, meta: RequestMeta) {
  await requireOwner(actor, input.merchantId);
  const { count } = await db().merchantInvite.updateMany({
    where: { id: input.inviteId, merchantId: input.merchantId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("That invitation");
  await recordAudit({
    action: "merchant.team_invite_revoke",
    actorId: actor.userId,
    targetType: "merchant",
    targetId: input.merchantId,
    metadata: { inviteId: input.inviteId },
    ...meta,
  });
}

/**
 * Owners only: removes a member. The merchant's owner rows are locked first, so two owners
 * removing each other at once cannot leave the merchant without an owner.
 */
export async function removeMember(actor: Actor, input: z.infer<typeof removeMemberInput>, meta: RequestMeta) {
  await requireOwner(actor, input.merchantId);
  await db().$transaction(async (tx) => {
    const owners = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "MerchantMember" WHERE "merchantId" = ${input.merchantId} AND "role" = 'OWNER'
      ORDER BY "id" FOR UPDATE`;
    const member = await tx.merchantMember.findFirst({
      where: { id: input.memberId, merchantId: input.merchantId },
      select: { id: true, role: true, userId: true },
    });
    if (!member) throw notFound("That team member");
    if (member.role === "OWNER" && owners.length <= 1) {
      throw new AppError(
        "last_owner",
        "This is the merchant's only owner. Invite another owner before removing this one.",
      );
    }
    await tx.merchantMember.delete({ where: { id: member.id } });
    await recordAudit(
      {
        action: "merchant.team_remove",
        actorId: actor.userId,
        targetType: "merchant",
        targetId: input.merchantId,
        metadata: { memberId: member.id, userId: member.userId, role: member.role },
        ...meta,
      },
      tx,
    );
  });
}
