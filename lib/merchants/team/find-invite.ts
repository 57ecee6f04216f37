import "server-only";
import { db } from "@/lib/db";
import { hashInviteToken } from "./invite-token";

export type InviteView = {
  merchantName: string;
  email: string;
  role: "OWNER" | "STAFF";
  state: "open" | "expired" | "closed";
};

/** What the invite page shows to whoever holds the link (the token is the secret); null if unknown. */
export async function findInvite(token: string): Promise<InviteView | null> {
  if (token.length < 20 || token.length > 100) return null;
  const invite = await db().merchantInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      merchant: { select: { name: true } },
    },
  });
  if (!invite) return null;
  const state = invite.acceptedAt || invite.revokedAt ? "closed" : invite.expiresAt <= new Date() ? "expired" : "open";
  return { merchantName: invite.merchant.name, email: invite.email, role: invite.role, state };
}
