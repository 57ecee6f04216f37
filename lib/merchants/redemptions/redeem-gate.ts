import "server-only";
import { Prisma, queryRows } from "@/lib/db";
import { flagSql, flagValue } from "@/lib/flags";

export type RedeemableOffer = {
  id: string;
  title: string;
  novaPrice: number;
  totalLimit: number | null;
  perDriverLimit: number | null;
  merchant: { id: string; name: string };
};

type Row = Omit<RedeemableOffer, "merchant"> & { merchantId: string; merchantName: string; member: boolean };

/**
 * The offer `o` (of the ACTIVE merchant it is joined to) may be redeemed by the driver now: active,
 * started, not ended, and a campaign-only offer only when a campaign unlocked it for them. Shared by
 * the gate below and the guard of a redemption from memory (offer-memory.ts).
 */
export function offerLiveFor(driverId: string, now: Date): Prisma.Sql {
  return Prisma.sql`o."active" AND o."startsAt" <= ${now} AND (o."endsAt" IS NULL OR o."endsAt" > ${now})
    AND (NOT o."unlockOnly" OR EXISTS (
      SELECT 1 FROM "DriverOfferUnlock" u WHERE u."offerId" = o."id" AND u."driverId" = ${driverId}))`;
}

/**
 * What a redemption checks before its transaction, in one round trip: the redemptions kill
 * switch (read fresh, never cached), the offer if the driver may redeem it now (active, started,
 * not ended, its merchant active, and a campaign-only offer only for a driver a campaign unlocked
 * it for), and whether the driver works at its merchant (no Nova to one's own shop).
 */
export async function readRedeemGate(driverId: string, offerId: string, now: Date) {
  const [row] = await queryRows<Partial<Row> & { flag: boolean | null }>(Prisma.sql`
    SELECT ${flagSql("REDEMPTIONS_ENABLED")} AS "flag", o."id", o."title", o."novaPrice", o."totalLimit",
           o."perDriverLimit", m."id" AS "merchantId", m."name" AS "merchantName",
           EXISTS (SELECT 1 FROM "MerchantMember" mm WHERE mm."merchantId" = m."id" AND mm."userId" = ${driverId})
             AS "member"
    FROM (SELECT 1) AS one
    LEFT JOIN ("Offer" o JOIN "Merchant" m ON m."id" = o."merchantId" AND m."status" = 'ACTIVE')
      ON o."id" = ${offerId} AND ${offerLiveFor(driverId, now)}`);
  const { flag, merchantId, merchantName, member, ...offer } = row;
  return {
    enabled: flagValue("REDEMPTIONS_ENABLED", flag),
    offer: offer.id ? ({ ...offer, merchant: { id: merchantId!, name: merchantName! } } as RedeemableOffer) : null,
    driverWorksThere: member === true,
  };
}
