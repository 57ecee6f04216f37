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
    select: { merchantId: true, status: true },
  });
  // a seller disconnected from another business may connect here: its old grant (no tokens left)
  // goes, and its locations move with it; a live grant elsewhere is refused
  const movingFrom = holder && holder.merchantId !== merchantId ? holder.merchantId : null;
  if (movingFrom && holder?.status !== "DISCONNECTED") throw accountTaken();
  if (movingFrom) await tx.squareConnection.delete({ where: { merchantId: movingFrom } });
  const ids = locations.map((l) => l.squareLocationId);
  const foreign = await tx.merchantLocation.count({
    where: {
      squareLocationId: { in: ids },
      merchantId: { notIn: movingFrom ? [merchantId, movingFrom] : [merchantId] },
    },
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
    await tx.merchantLocation.upsert({
      where: { squareLocationId },
      create: { merchantId, squareLocationId, ...rest },
      update: { ...rest, merchantId },
    });
  }
  // locations Square no longer lists (or of a Square account this merchant connected before)
  await tx.merchantLocation.updateMany({
    where: { merchantId, squareLocationId: { notIn: ids } },
    data: { active: false },
  });
}
