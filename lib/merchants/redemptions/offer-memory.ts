import "server-only";
import { Prisma } from "@/lib/db";
import { offerLiveFor, type RedeemableOffer } from "./redeem-gate";

// The offers this process redeemed lately, so a redemption can be one statement: the hold is built
// from the remembered offer and posted with a guard that the database still holds exactly that offer,
// live and redeemable by this driver (postNowWith's `guard`). When anything differs the guard fails,
// nothing is written, and the redemption reads the offer afresh (redeem-offer.ts): a stale entry
// costs a round trip, never a wrong price. The bound only keeps memory small.
const KEEP_MS = 60_000;
const MAX_OFFERS = 2_000;
const globals = globalThis as unknown as { nervaOfferMemory?: Map<string, { offer: RedeemableOffer; until: number }> };
const offers = (globals.nervaOfferMemory ??= new Map());

export function rememberedOffer(offerId: string): RedeemableOffer | null {
  const kept = offers.get(offerId);
  if (!kept || kept.until < Date.now()) return null;
  return kept.offer;
}

export function rememberOffer(offer: RedeemableOffer): void {
  if (offers.size >= MAX_OFFERS) offers.clear();
  offers.set(offer.id, { offer, until: Date.now() + KEEP_MS });
}

export function forgetOffer(offerId: string): void {
  offers.delete(offerId);
}

/** True when the database still holds `offer` as remembered, live now, and `driverId` may redeem it. */
export function stillRedeemable(offer: RedeemableOffer, driverId: string, now: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "Offer" o JOIN "Merchant" m ON m."id" = o."merchantId" AND m."status" = 'ACTIVE'
    WHERE o."id" = ${offer.id} AND ${offerLiveFor(driverId, now)}
      AND o."title" = ${offer.title} AND o."novaPrice" = ${offer.novaPrice}::int
      AND o."totalLimit" IS NOT DISTINCT FROM ${offer.totalLimit}::int
      AND o."perDriverLimit" IS NOT DISTINCT FROM ${offer.perDriverLimit}::int
      AND m."id" = ${offer.merchant.id} AND m."name" = ${offer.merchant.name}
      AND NOT EXISTS (SELECT 1 FROM "MerchantMember" mm WHERE mm."merchantId" = m."id" AND mm."userId" = ${driverId}))`;
}
