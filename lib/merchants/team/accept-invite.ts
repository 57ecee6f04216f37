import "server-only";
import { z } from "zod";
import { linkToken } from "@/lib/validation";
import { recordAudit } from "@/lib/audit";
import { createSession, hashPassword, newPasswordSchema, type RequestMeta } from "@/lib/auth";
import type { Actor, Role } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { hashInviteToken } from "./invite-token";

export const acceptInviteInput = z.object({
  token: linkToken(20, 100, "This invitation link is incomplete. Open it again from the email."),
});
export const acceptInviteWithAccountInput = acceptInviteInput.extend({
  name: z.string().trim().min(1, "Enter your name.").max(80),
  password: newPasswordSchema,
});

const INVALID = "This invitation has expired, was revoked or was already used. Ask an owner to send a new one.";

/**
 * Claims the invitation for this user: a conditional update (still open, not expired) so a second
 * accept, or two at once, add the member exactly once.
 */
async function claimInvite(tx: Tx, token: string, user: { id: string; email: string | null }, meta: RequestMeta) {
  const invite = await tx.merchantInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: { id: true, merchantId: true, email: true, role: true },
  });
  if (!invite) throw new AppError("invite_invalid", INVALID);
  if (invite.email !== user.email?.toLowerCase()) {
    throw new AppError(
      "invite_wrong_email",
      `This invitation is for ${invite.email}. Sign in with that email address to accept it.`,
    );
  }
  const { count } = await tx.merchantInvite.updateMany({
    where: { id: invite.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (count === 0) throw new AppError("invite_invalid", INVALID);
  const { count: added } = await tx.merchantMember.createMany({
    data: [{ merchantId: invite.merchantId, userId: user.id, role: invite.role }],
    skipDuplicates: true,
  });
  await recordAudit(
    {
      action: "merchant.team_join",
      actorId: user.id,
      targetType: "merchant",
      targetId: invite.merchantId,
      metadata: { inviteId: invite.id, role: invite.role, alreadyMember: added === 0 },
      ...meta,
    },
    tx,
  );
  return { merchantId: invite.merchantId, role: invite.role };
}

/** A signed-in merchant user accepts an invitation sent to their own email address. */
export async function acceptInvite(actor: Actor, input: z.infer<typeof acceptInviteInput>, meta: RequestMeta) {
  if (actor.role !== "MERCHANT") {
    throw new AppError(
      "driver_account",
      "Team members need a business account. Sign out, then accept the invitation by creating an account with the invited email.",
    );
  }
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, email: true } });
  return db().$transaction((tx) => claimInvite(tx, input.token, user, meta));
}

/** Someone without an account creates one for the invited email and joins, in one transaction. */
export async function acceptInviteWithNewAccount(
  input: z.infer<typeof acceptInviteWithAccountInput>,
  meta: RequestMeta,
) {
  await rateLimit("signUpPerIp", meta.ip);
  const invite = await db().merchantInvite.findUnique({
    where: { tokenHash: hashInviteToken(input.token) },
    select: { email: true },
  });
  if (!invite) throw new AppError("invite_invalid", INVALID);
  const existing = await db().user.findUnique({ where: { email: invite.email }, select: { id: true } });
  if (existing) throw new AppError("email_taken", `${invite.email} already has an account. Sign in to accept.`);
  const passwordHash = await hashPassword(input.password);
  const { user, joined } = await db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: invite.email, name: input.name, passwordHash, role: "MERCHANT" },
      select: { id: true, email: true, role: true },
    });
    await recordAudit({ action: "auth.sign_up", actorId: user.id, metadata: { method: "invite" }, ...meta }, tx);
    return { user, joined: await claimInvite(tx, input.token, user, meta) };
  });
  const session = await createSession(user.id, meta);
  return { ...session, role: user.role as Role, merchantId: joined.merchantId };
}
