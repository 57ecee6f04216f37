import "server-only";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { accounts, createId, postInTx, riskHoldInTx, type LedgerLine } from "@/lib/ledger";
import { campaignDay, evaluateCampaign, type Decision, type DriverFacts, type TriggerEvent } from "./evaluate";
import { storedDefinition } from "./parse";

export type CampaignOutcome = Decision & { paid: boolean };

/** The ledger key of a campaign's payment for one trigger: re-evaluation replays it, never pays twice. */
export const campaignAwardKey = (campaignId: string, version: number, trigger: string, triggerId: string) =>
  `campaign:${campaignId}:v${version}:${trigger}:${triggerId}`;

/** What the segment conditions need to know about the driver, as of the trigger. */
export async function driverFactsInTx(tx: Tx, event: TriggerEvent): Promise<DriverFacts> {
  const [user, last] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: event.driverId }, select: { createdAt: true } }),
    tx.chargingSession.findFirst({
      where: {
        driverId: event.driverId,
        status: "VERIFIED",
        id: { not: event.id },
        startedAt: { lt: event.occurredAt },
      },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    }),
  ]);
  return { signedUpAt: user.createdAt, lastChargeAt: last?.startedAt ?? null };
}

/**
 * Pays every live, switched-on campaign this trigger qualifies for, in the caller's transaction.
 * Each campaign row is locked (in id order, so two payers never wait on each other in a cycle);
 * under that lock its spent counters and the driver's award counts are read, the current version
 * is evaluated, the award row claims (campaign, trigger, trigger id) — a second evaluation finds
 * it and pays nothing — and the bonus is posted to the driver's available accounts.
 */
export async function awardCampaignsInTx(tx: Tx, event: TriggerEvent): Promise<CampaignOutcome[]> {
  const merchantId = event.place?.merchantId ?? null;
  const live = { trigger: event.trigger, status: "LIVE" as const, enabled: true };
  // read what does not need the lock first (versions are immutable), so each campaign's lock is held briefly
  const candidates = await tx.campaign.findMany({
    where: { ...live, OR: [{ merchantId: null }, ...(merchantId ? [{ merchantId }] : [])] },
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  // a driver held for review is not paid bonuses (the session and purchase payers check the hold before calling)
  if (await riskHoldInTx(tx, event.driverId)) return [];
  const ids = candidates.map((c) => c.id);
  const [driver, paidBefore] = await Promise.all([
    driverFactsInTx(tx, event),
    tx.campaignAward.findMany({
      where: { campaignId: { in: ids }, trigger: event.trigger, triggerId: event.id },
      select: { campaignId: true },
    }),
  ]);
  const paid = new Set(paidBefore.map((a) => a.campaignId));
  const open = ids.filter((id) => !paid.has(id));
  if (open.length === 0) return [];
  const locked = await tx.$queryRaw<
    { id: string; version: number; merchantId: string | null; spentNova: number; spentCents: number }[]
  >`
    SELECT "id", "currentVersion" AS "version", "merchantId", "spentNova", "spentCents" FROM "Campaign"
    WHERE "id" = ANY(${open}::text[]) AND "status" = 'LIVE' AND "enabled"
    ORDER BY "id" FOR UPDATE`;
  const versions = await tx.campaignVersion.findMany({
    where: { OR: locked.map((r) => ({ campaignId: r.id, version: r.version })) },
    select: { campaignId: true, definition: true },
  });
  const zone = config().BUSINESS_TIME_ZONE;
  const outcomes: CampaignOutcome[] = [];
  for (const row of locked) {
    const definition = storedDefinition(versions.find((v) => v.campaignId === row.id)!.definition);
    const campaign = { id: row.id, version: row.version, merchantId: row.merchantId, definition };
    const day = campaignDay(campaign, event.occurredAt, zone);
    const [counts] = await tx.$queryRaw<{ overall: number; today: number }[]>`
      SELECT count(*)::int AS "overall", (count(*) FILTER (WHERE "localDay" = ${day}))::int AS "today"
      FROM "CampaignAward" WHERE "campaignId" = ${row.id} AND "driverId" = ${event.driverId}`;
    const usage = {
      driverAwards: counts.overall,
      driverAwardsToday: counts.today,
      novaSpent: row.spentNova,
      centsSpent: row.spentCents,
    };
    const decision = evaluateCampaign(campaign, event, driver, usage, zone);
    if (!decision.applies) {
      outcomes.push({ ...decision, paid: false });
      continue;
    }
    outcomes.push({ ...decision, paid: await payAward(tx, event, decision, day) });
  }
  return outcomes;
}

async function payAward(tx: Tx, e: TriggerEvent, d: Extract<Decision, { applies: true }>, day: string) {
  const { nova, cents, offerIds, label } = d.award;
  const transactionId = nova > 0 || cents > 0 ? createId() : null;
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "CampaignAward" ("id", "campaignId", "version", "trigger", "triggerId", "driverId", "nova", "cents",
                                 "offerIds", "label", "localDay", "transactionId")
    VALUES (${createId()}, ${d.campaignId}, ${d.version}, ${e.trigger}, ${e.id}, ${e.driverId}, ${nova}, ${cents},
            ${offerIds}::text[], ${label}, ${day}, ${transactionId})
    ON CONFLICT ("campaignId", "trigger", "triggerId") DO NOTHING
    RETURNING "id"`;
  if (claimed.length === 0) return false;
  const lines: LedgerLine[] = [];
  if (nova > 0)
    lines.push(
      { account: accounts.novaIssuance(), amount: -BigInt(nova) },
      { account: accounts.driverNova(e.driverId), amount: BigInt(nova) },
    );
  if (cents > 0)
    lines.push(
      { account: accounts.rewardsExpenseUsd(), amount: -BigInt(cents) },
      { account: accounts.driverUsd(e.driverId), amount: BigInt(cents) },
    );
  if (transactionId)
    await postInTx(tx, {
      id: transactionId,
      idempotencyKey: campaignAwardKey(d.campaignId, d.version, e.trigger, e.id),
      type: "CAMPAIGN_REWARD",
      reason: label,
      request: {
        campaignId: d.campaignId,
        version: d.version,
        trigger: e.trigger,
        triggerId: e.id,
        driverId: e.driverId,
      },
      metadata: { campaignId: d.campaignId, version: d.version, trigger: e.trigger, triggerId: e.id, nova, cents },
      lines,
    });
  await tx.$executeRaw`
    UPDATE "Campaign" SET "spentNova" = "spentNova" + ${nova}, "spentCents" = "spentCents" + ${cents},
                          "awardCount" = "awardCount" + 1, "updatedAt" = now()
    WHERE "id" = ${d.campaignId}`;
  return true;
}
