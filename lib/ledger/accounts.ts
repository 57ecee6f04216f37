import type { AccountKind, Currency, OwnerType } from "@/lib/db/generated/enums";

export type AccountRef = { ownerType: OwnerType; ownerId: string; kind: AccountKind; currency: Currency };

export const PLATFORM = "platform";
const PLATFORM_KINDS: AccountKind[] = ["ISSUANCE", "REWARDS_EXPENSE", "PAYOUTS_CLEARING", "PAYOUTS_SENT", "FEES"];
// Only these platform accounts may go below zero: they are where money enters the system.
const MAY_GO_NEGATIVE: AccountKind[] = ["ISSUANCE", "REWARDS_EXPENSE"];

export const accountKey = (a: AccountRef) => `${a.ownerType}:${a.ownerId}:${a.kind}:${a.currency}`;
export const allowsNegative = (a: AccountRef) => a.ownerType === "PLATFORM" && MAY_GO_NEGATIVE.includes(a.kind);

/**
 * How many rows each account that may go negative is spread over. Nearly every posting moves
 * platform issuance or rewards expense; as one row each, every posting would queue on its lock.
 * Spread, postings pick a shard by their transaction id, and the account's balance is the sum.
 */
export const HOT_SHARDS = 16;

/** The shard a posting uses for an account: 0 for every account that must stay >= 0. */
export function shardOf(a: AccountRef, transactionId: string): number {
  if (!allowsNegative(a)) return 0;
  let h = 0;
  for (let i = 0; i < transactionId.length; i++) h = (h * 31 + transactionId.charCodeAt(i)) | 0;
  return (h >>> 0) % HOT_SHARDS;
}

export const accounts = {
  driverNova: (userId: string): AccountRef => ({
    ownerType: "DRIVER",
    ownerId: userId,
    kind: "AVAILABLE",
    currency: "NOVA",
  }),
  driverHeldNova: (userId: string): AccountRef => ({
    ownerType: "DRIVER",
    ownerId: userId,
    kind: "HELD",
    currency: "NOVA",
  }),
  driverPendingNova: (userId: string): AccountRef => ({
    ownerType: "DRIVER",
    ownerId: userId,
    kind: "PENDING",
    currency: "NOVA",
  }),
  driverUsd: (userId: string): AccountRef => ({
    ownerType: "DRIVER",
    ownerId: userId,
    kind: "AVAILABLE",
    currency: "USD",
  }),
  driverPendingUsd: (userId: string): AccountRef => ({
    ownerType: "DRIVER",
    ownerId: userId,
    kind: "PENDING",
    currency: "USD",
  }),
  merchantNova: (merchantId: string): AccountRef => ({
    ownerType: "MERCHANT",
    ownerId: merchantId,
    kind: "AVAILABLE",
    currency: "NOVA",
  }),
  merchantUsd: (merchantId: string): AccountRef => ({
    ownerType: "MERCHANT",
    ownerId: merchantId,
    kind: "AVAILABLE",
    currency: "USD",
  }),
  /** Cash that came into the platform from outside (a merchant's bank transfer). */
  usdIssuance: (): AccountRef => ({ ownerType: "PLATFORM", ownerId: PLATFORM, kind: "ISSUANCE", currency: "USD" }),
  novaIssuance: (): AccountRef => ({ ownerType: "PLATFORM", ownerId: PLATFORM, kind: "ISSUANCE", currency: "NOVA" }),
  rewardsExpenseUsd: (): AccountRef => ({
    ownerType: "PLATFORM",
    ownerId: PLATFORM,
    kind: "REWARDS_EXPENSE",
    currency: "USD",
  }),
  payoutsClearingUsd: (): AccountRef => ({
    ownerType: "PLATFORM",
    ownerId: PLATFORM,
    kind: "PAYOUTS_CLEARING",
    currency: "USD",
  }),
  payoutsSentUsd: (): AccountRef => ({
    ownerType: "PLATFORM",
    ownerId: PLATFORM,
    kind: "PAYOUTS_SENT",
    currency: "USD",
  }),
  feesUsd: (): AccountRef => ({ ownerType: "PLATFORM", ownerId: PLATFORM, kind: "FEES", currency: "USD" }),
};

export function assertValidRef(a: AccountRef): void {
  if ((a.ownerType === "PLATFORM") !== PLATFORM_KINDS.includes(a.kind)) {
    throw new Error(`ledger: account kind ${a.kind} does not belong to ${a.ownerType}`);
  }
}
