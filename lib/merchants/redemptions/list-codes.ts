import "server-only";
import { assertCan, requireMembership, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

/** The actor's own codes, newest first, with their offer. */
export async function listDriverCodes(actor: Actor, take = 20) {
  assertCan(actor, "driver:use");
  return db().redemptionCode.findMany({
    where: { driverId: actor.userId },
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

/** One of the actor's own codes; another driver's code id matches nothing. */
export async function findDriverCode(actor: Actor, codeId: string) {
  assertCan(actor, "driver:use");
  return db().redemptionCode.findFirst({
    where: { id: codeId, driverId: actor.userId },
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

/** Recent confirmations at a merchant, for its members. */
export async function listMerchantRedemptions(actor: Actor, merchantId: string, take = 50) {
  await requireMembership(actor, merchantId, "merchant:view");
  return db().redemptionCode.findMany({
    where: { offer: { merchantId }, status: "CONFIRMED" },
    orderBy: { settledAt: "desc" },
    take,
    select: { id: true, novaAmount: true, settledAt: true, offer: { select: { title: true } } },
  });
}
