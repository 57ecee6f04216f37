import "server-only";
import { db } from "@/lib/db";
import { PASS_PREFIX } from "@/lib/merchants";
import { unsafeGetCardFacts, type CardFacts } from "../card";
import { balanceText, type SentBalances } from "./balance-notice";
import { ensureLoyaltyClass } from "./loyalty-class";
import { googleRequest } from "./rest";
import type { GoogleWalletSetup } from "./service-account";

/** Object ids are "<issuerId>.<suffix>" with a suffix of [A-Za-z0-9._-] (a base64url serial already is). */
export const loyaltyObjectId = (issuerId: string, serialNumber: string) =>
  `${issuerId}.${serialNumber.replace(/[^A-Za-z0-9._-]/g, "_")}`;

export const objectPath = (objectId: string) => `/loyaltyObject/${encodeURIComponent(objectId)}`;

export const sentBalances = (facts: CardFacts): SentBalances => ({
  nova: facts.novaAvailable,
  held: facts.novaHeld,
  cashCents: facts.cashCents,
});

/** The fields a balance patch replaces. */
export function balanceFields(facts: CardFacts) {
  return {
    loyaltyPoints: { label: "Nova", balance: { int: facts.novaAvailable } },
    secondaryLoyaltyPoints: {
      label: "Cash",
      balance: { money: { micros: facts.cashCents * 10_000, currencyCode: "USD" } },
    },
  };
}

export function loyaltyObjectBody(setup: GoogleWalletSetup, facts: CardFacts) {
  return {
    id: loyaltyObjectId(setup.issuerId, facts.serialNumber),
    classId: setup.classId,
    state: "ACTIVE",
    accountId: facts.serialNumber,
    accountName: facts.holderName,
    ...balanceFields(facts),
    // identifies the driver only: a merchant can look up and earn with it, never take Nova
    barcode: { type: "QR_CODE", value: `${PASS_PREFIX}${facts.serialNumber}` },
  };
}

/** Inserts the object (a 409 means it is there already: an earlier or concurrent insert). */
export async function insertLoyaltyObject(setup: GoogleWalletSetup, facts: CardFacts): Promise<{ created: boolean }> {
  await ensureLoyaltyClass(setup);
  const reply = await googleRequest(setup, {
    method: "POST",
    path: "/loyaltyObject",
    body: loyaltyObjectBody(setup, facts),
    expect: [409],
  });
  return { created: reply.status !== 409 };
}

export type EnsuredObject = { objectId: string; created: boolean };

/**
 * The driver's object, inserted with the current balances if it never was. The balances are
 * recorded as sent only when this call created it: after a 409 Google may hold older ones.
 */
export async function unsafeEnsureGoogleObject(setup: GoogleWalletSetup, userId: string): Promise<EnsuredObject> {
  const pass = await db().walletPass.findUnique({
    where: { userId },
    select: { serialNumber: true, googleInsertedAt: true },
  });
  if (!pass) throw new Error("the driver has no wallet pass yet");
  const objectId = loyaltyObjectId(setup.issuerId, pass.serialNumber);
  if (pass.googleInsertedAt) return { objectId, created: false };
  const facts = await unsafeGetCardFacts(userId);
  if (!facts) throw new Error("the driver has no wallet pass yet");
  const { created } = await insertLoyaltyObject(setup, facts);
  const now = new Date();
  await db().walletPass.update({
    where: { userId },
    data: {
      googleObjectId: objectId,
      googleInsertedAt: now,
      googleSyncedAt: now,
      ...(created ? { googleBalanceSent: balanceText(sentBalances(facts)) } : {}),
    },
  });
  return { objectId, created };
}
