import "server-only";
import { requireOwner, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

export type TeamMember = {
  id: string;
  name: string | null;
  email: string | null;
  role: "OWNER" | "STAFF";
  joinedAt: Date;
};
export type PendingInvite = { id: string; email: string; role: "OWNER" | "STAFF"; expiresAt: Date; expired: boolean };
export type Team = { members: TeamMember[]; invites: PendingInvite[] };

/** Owners only: the merchant's members and the invitations still waiting for an answer. */
export async function listTeam(actor: Actor, merchantId: string): Promise<Team> {
  await requireOwner(actor, merchantId);
  const [members, invites] = await Promise.all([
    db().merchantMember.findMany({
      where: { merchantId },
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      select: { id: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
    }),
    db().merchantInvite.findMany({
      where: { merchantId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  const now = new Date();
  return {
    members: members.map((m) => ({ id: m.id, role: m.role, joinedAt: m.createdAt, ...m.user })),
    invites: invites.map((i) => ({ ...i, expired: i.expiresAt <= now })),
  };
}
