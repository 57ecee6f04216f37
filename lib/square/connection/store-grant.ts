import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type SquareGrant = {
  merchantId: string;
  squareMerchantId: string;
  accessTokenEnc: string;
  refreshTokenEnc: string;
  expiresAt: Date;
  scopes: string[];
  connectedById: string;
  locations: Array<{
    squareLocationId: string;
    name: string;
    address: string | null;
    latitude: number | null;
    longitude: number | null;
    timezone: string | null;
    active: boolean;
  }>;
};

const accountTaken = () =>
  new AppError(
    "square_taken",
    "This Square account is already connected to another business on Nerava. Disconnect it there first, or contact support.",
  );

/**
 * Grant and locations in the caller's transaction. The unique Square merchant and location ids
 * decide: a row that turns out to belong to another merchant throws and rolls everything back.
 */
export async function storeSquareGrant(tx: Tx, grant: SquareGrant): Promise<void> {
  const { merchantId, locations, ...fields } = grant;
  const holder = await tx.squareConnection.findUnique({
    where: { squareMerchantId: grant.squareMerchantId },
    select: { merchantId: true },
  });
  if (holder && holder.merchantId !== merchantId) throw accountTaken();
  const ids = locations.map((l) => l.squareLocationId);
  const foreign = await tx.merchantLocation.count({
    where: { squareLocationId: { in: ids }, merchantId: { not: merchantId } },
  });
  if (foreign > 0) throw accountTaken();

  const now = new Date();
  const connected = {
    ...fields,
    status: "CONNECTED" as const,
    statusReason: null,
    connectedAt: now,
    refreshedAt: null,
    refreshLeaseUntil: null,
  };
  await tx.squareConnection
    .upsert({ where: { merchantId }, create: { merchantId, ...connected }, update: connected })
    .catch((err: unknown) => {
      // another merchant connected the same Square account since the check above
      if ((err as { code?: string }).code === "P2002") throw accountTaken();
      throw err;
    });
  for (const location of locations) {
    const { squareLocationId, ...rest } = location;
    const row = await tx.merchantLocation.upsert({
      where: { squareLocationId },
      create: { merchantId, squareLocationId, ...rest },
      update: rest,
      select: { merchantId: true },
    });
    if (row.merchantId !== merchantId) throw accountTaken();
  }
  // locations Square no longer lists (or of a Square account this merchant connected before)
  await tx.merchantLocation.updateMany({
    where: { merchantId, squareLocationId: { notIn: ids } },
    data: { active: false },
  });
}
