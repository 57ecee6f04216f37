import "server-only";
import { requireMembership, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import type { MemberRole } from "@/lib/db";
import { offerStatus, type OfferStatus } from "./offer-status";
import { offerSelect } from "./owned-offer";

export type ManagedOffer = {
  id: string;
  title: string;
  description: string;
  novaPrice: number;
  startsAt: Date;
  endsAt: Date | null;
  totalLimit: number | null;
  perDriverLimit: number | null;
  /** Shown only to drivers a campaign unlocked it for. */
  unlockOnly: boolean;
  redeemed: number;
  status: OfferStatus;
};

/** A merchant's offers with their status, newest first; staff may look, `canManage` says whether they may change. */
export async function listMerchantOffers(
  actor: Actor,
  merchantId: string,
): Promise<{ role: MemberRole; canManage: boolean; offers: ManagedOffer[] }> {
  const { role } = await requireMembership(actor, merchantId, "merchant:view");
  const rows = await db().offer.findMany({
    where: { merchantId },
    orderBy: { createdAt: "desc" },
    select: { ...offerSelect, _count: { select: { codes: { where: { status: { not: "RELEASED" } } } } } },
  });
  const now = new Date();
  const offers = rows.map(({ _count, active, merchantId: _m, ...o }) => {
    const redeemed = _count.codes;
    return { ...o, redeemed, status: offerStatus({ ...o, active, redeemed }, now) };
  });
  return { role, canManage: role === "OWNER", offers };
}
