import "server-only";
import { db } from "@/lib/db";

/** The driver's codes, newest first, with their offer (scoped to the driver). */
export async function listDriverCodes(driverId: string, take = 20) {
  return db().redemptionCode.findMany({
    where: { driverId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      code: true,
      status: true,
      novaAmount: true,
      expiresAt: true,
      createdAt: true,
      settledAt: true,
      offer: { select: { title: true, merchant: { select: { name: true, address: true } } } },
    },
  });
}

/** One of the driver's own codes; another driver's id matches nothing. */
export async function findDriverCode(driverId: string, codeId: string) {
  return db().redemptionCode.findFirst({
    where: { id: codeId, driverId },
    select: {
      id: true,
      code: true,
      status: true,
      novaAmount: true,
      expiresAt: true,
      createdAt: true,
      settledAt: true,
      offer: { select: { title: true, merchant: { select: { name: true, address: true } } } },
    },
  });
}

/** Recent confirmations at a merchant (scoped by merchant). */
export async function listMerchantRedemptions(merchantId: string, take = 50) {
  return db().redemptionCode.findMany({
    where: { offer: { merchantId }, status: "CONFIRMED" },
    orderBy: { settledAt: "desc" },
    take,
    select: { id: true, novaAmount: true, settledAt: true, offer: { select: { title: true } } },
  });
}
