import "server-only";
import { awardSessionCampaignsInTx } from "@/lib/campaigns";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { accounts, postInTx, reverseInTx, riskHoldInTx, type LedgerLine } from "@/lib/ledger";
import { computeSessionReward, rulesFromConfig } from "./earning-rules";

type SessionForReward = {
  id: string;
  driverId: string;
  chargerName: string;
  isPartner: boolean;
  kwhDelivered: number | null;
  batteryGained: number | null;
};

const day = (d: Date) => d.toISOString().slice(0, 10);
const keys = (id: string) => ({
  pending: `session:${id}:pending`,
  available: `session:${id}:available`,
  forfeit: `session:${id}:forfeit`,
});

/**
 * Posts a session's reward as pending (once: the key is derived from the session id). The
 * caller holds the session row lock, so the daily-cap read below cannot race another post.
 */
export async function postPendingReward(tx: Tx, s: SessionForReward, now = new Date()) {
  const key = keys(s.id).pending;
  const existing = await tx.ledgerTransaction.findUnique({ where: { idempotencyKey: key }, select: { id: true } });
  if (existing) return existing.id;
  const counter = `earn:driver:${s.driverId}:${day(now)}`;
  await tx.$executeRaw`INSERT INTO "UsageCounter" ("key", "used", "updatedAt") VALUES (${counter}, 0, now()) ON CONFLICT ("key") DO NOTHING`;
  const [{ used }] = await tx.$queryRaw<
    { used: bigint }[]
  >`SELECT "used" FROM "UsageCounter" WHERE "key" = ${counter} FOR UPDATE`;
  const reward = computeSessionReward(
    {
      kwhDelivered: s.kwhDelivered,
      batteryGained: s.batteryGained,
      isPartnerCharger: s.isPartner,
      earnedTodayNova: Number(used),
    },
    rulesFromConfig(config()),
  );
  const lines: LedgerLine[] = [];
  if (reward.nova > 0)
    lines.push(
      { account: accounts.novaIssuance(), amount: -BigInt(reward.nova) },
      { account: accounts.driverPendingNova(s.driverId), amount: BigInt(reward.nova) },
    );
  if (reward.cents > 0)
    lines.push(
      { account: accounts.rewardsExpenseUsd(), amount: -BigInt(reward.cents) },
      { account: accounts.driverPendingUsd(s.driverId), amount: BigInt(reward.cents) },
    );
  if (lines.length === 0) return null;
  await tx.$executeRaw`UPDATE "UsageCounter" SET "used" = "used" + ${BigInt(reward.nova)}, "updatedAt" = now() WHERE "key" = ${counter}`;
  const posted = await postInTx(tx, {
    idempotencyKey: key,
    type: "SESSION_REWARD",
    reason: `Charging at ${s.chargerName}: ${reward.reason} (pending verification)`,
    request: { sessionId: s.id, driverId: s.driverId },
    metadata: { sessionId: s.id, nova: reward.nova, cents: reward.cents, capped: reward.capped },
    lines,
  });
  return posted.transactionId;
}

/**
 * Verified: the pending reward becomes available (once). A driver held for review keeps it
 * pending (the hold is read in this transaction); approving the review releases it.
 */
export async function makeRewardAvailable(tx: Tx, s: { id: string; driverId: string; chargerName: string }) {
  const pending = await tx.ledgerTransaction.findUnique({
    where: { idempotencyKey: keys(s.id).pending },
    select: {
      entries: { select: { amount: true, account: { select: { ownerType: true, kind: true, currency: true } } } },
    },
  });
  if (!pending) {
    // nothing to pay (the daily cap left 0 Nova, and no cash reward): no release will follow, so the
    // session's campaigns run now with a base of 0 (a multiplier adds nothing; a bonus still pays, held
    // for a driver under review); each campaign's award row keeps it to once
    await awardSessionCampaignsInTx(tx, s.id, 0);
    return null;
  }
  if (await riskHoldInTx(tx, s.driverId)) return null;
  const lines: LedgerLine[] = [];
  for (const e of pending.entries) {
    if (e.account.ownerType !== "DRIVER") continue;
    const [from, to] =
      e.account.currency === "NOVA"
        ? [accounts.driverPendingNova(s.driverId), accounts.driverNova(s.driverId)]
        : [accounts.driverPendingUsd(s.driverId), accounts.driverUsd(s.driverId)];
    lines.push({ account: from, amount: -e.amount }, { account: to, amount: e.amount });
  }
  const posted = await postInTx(tx, {
    idempotencyKey: keys(s.id).available,
    type: "SESSION_REWARD_RELEASE",
    reason: `Charging at ${s.chargerName}, verified`,
    request: { sessionId: s.id, driverId: s.driverId },
    metadata: { sessionId: s.id },
    lines,
  });
  // campaigns are evaluated once, when the base reward becomes available (a review hold keeps them waiting
  // too); a replayed release (retry, redelivery) does not re-evaluate, and each award's unique row backs that up
  const baseNova = lines.reduce(
    (n, l) => n + (l.account.kind === "AVAILABLE" && l.account.currency === "NOVA" ? Number(l.amount) : 0),
    0,
  );
  if (!posted.replayed) await awardSessionCampaignsInTx(tx, s.id, baseNova);
  return posted;
}

/** Whether the session's pending reward has been made available (its session verified). */
export async function rewardMadeAvailable(client: Pick<Tx, "ledgerTransaction">, sessionId: string): Promise<boolean> {
  const release = await client.ledgerTransaction.findUnique({
    where: { idempotencyKey: keys(sessionId).available },
    select: { id: true },
  });
  return release !== null;
}

/** Not verified in the end: the pending reward goes back (a reversal of the pending post). */
export async function forfeitReward(tx: Tx, s: { id: string }, reason: string) {
  const pending = await tx.ledgerTransaction.findUnique({
    where: { idempotencyKey: keys(s.id).pending },
    select: { id: true },
  });
  if (!pending) return null;
  // the reason is left out of the fingerprint: a later evaluation may word it differently, and is the same forfeit
  return reverseInTx(tx, {
    transactionId: pending.id,
    idempotencyKey: keys(s.id).forfeit,
    reason,
    actorId: null,
    request: { sessionId: s.id },
  });
}
