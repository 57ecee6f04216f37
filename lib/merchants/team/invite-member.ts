import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { emailSchema, type RequestMeta } from "@/lib/auth";
import { requireOwner, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { sendEmail, teamInviteEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { hashInviteToken, INVITE_TTL_MS, newInviteToken } from "./invite-token";

export const inviteMemberInput = z.object({
  merchantId: z.string().min(1).max(64),
  email: emailSchema,
  role: z.enum(["OWNER", "STAFF"], { error: "Choose owner or staff." }),
});

/**
 * An owner invites someone by email. One pending invitation per address and merchant (a partial
 * unique index decides under races); an expired one is retired first so the owner can send again.
 */
export async function inviteMember(actor: Actor, input: z.infer<typeof inviteMemberInput>, meta: RequestMeta) {
  await requireOwner(actor, input.merchantId);
  await rateLimit("teamInvitePerUser", actor.userId);
  const member = await db().merchantMember.findFirst({
    where: { merchantId: input.merchantId, user: { email: input.email } },
    select: { id: true },
  });
  if (member) throw new AppError("already_member", `${input.email} is already on this team.`);
  const token = newInviteToken();
  const { invite, merchant, inviter } = await db()
    .$transaction(async (tx) => {
      await tx.merchantInvite.updateMany({
        where: {
          merchantId: input.merchantId,
          email: input.email,
          acceptedAt: null,
          revokedAt: null,
          expiresAt: { lte: new Date() },
        },
        data: { revokedAt: new Date() },
      });
      const invite = await tx.merchantInvite.create({
        data: {
          merchantId: input.merchantId,
          email: input.email,
          role: input.role,
          tokenHash: hashInviteToken(token),
          expiresAt: new Date(Date.now() + INVITE_TTL_MS),
          invitedById: actor.userId,
        },
        select: { id: true, email: true, role: true, expiresAt: true },
      });
      await recordAudit(
        {
          action: "merchant.team_invite",
          actorId: actor.userId,
          targetType: "merchant",
          targetId: input.merchantId,
          metadata: { inviteId: invite.id, email: input.email, role: input.role },
          ...meta,
        },
        tx,
      );
      const merchant = await tx.merchant.findUniqueOrThrow({ where: { id: input.merchantId }, select: { name: true } });
      const inviter = await tx.user.findUniqueOrThrow({
        where: { id: actor.userId },
        select: { name: true, email: true },
      });
      return { invite, merchant, inviter };
    })
    .catch((err: { code?: string }) => {
      if (err.code === "P2002") {
        throw new AppError(
          "invite_pending",
          `An invitation to ${input.email} is already waiting. Revoke it to send a new one.`,
        );
      }
      throw err;
    });
  const link = `${config().NEXTAUTH_URL}/merchant/invite/${token}`;
  const who = inviter.name ?? inviter.email ?? "An owner";
  await sendEmail({
    to: invite.email,
    ...teamInviteEmail({ merchantName: merchant.name, role: invite.role, inviter: who }, link),
  });
  return invite;
}
