import "server-only";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { riskHoldInTx } from "@/lib/ledger";
import { campaignDay, evaluateCampaign, type Decision, type DriverFacts, type TriggerEvent } from "./evaluate";
import { storedDefinition } from "./parse";
import { payAward } from "./pay-award";

export type CampaignOutcome = Decision & { paid: boolean };

export { campaignAwardKey } from "./pay-award";

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
 * it and pays nothing — and the bonus is posted to the driver's available accounts. A driver held
 * for review is evaluated the same way, but the award waits as HELD (posted to their pending
 * accounts, offers still locked) until the review ends (held-awards.ts).
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
  // the session and purchase payers wait for a hold to end before calling; a redemption or sign-up cannot wait
  const held = (await riskHoldInTx(tx, event.driverId)) !== null;
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
      FROM "CampaignAward" WHERE "campaignId" = ${row.id} AND "driverId" = ${event.driverId} AND "status" <> 'VOIDED'`;
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
    outcomes.push({ ...decision, paid: await payAward(tx, event, decision, day, held) });
  }
  return outcomes;
}
