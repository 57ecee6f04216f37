import { describe, expect, it } from "vitest";
import { awardSessionCampaignsInTx, reviseCampaign, setCampaignEnabled, setCampaignStatus } from "@/lib/campaigns";
import { ledgerMetrics, runMoneyTx, unsafeListStatement } from "@/lib/ledger";
import { releaseHeldSessionRewards } from "@/lib/rewards";
import { fakeMeta, testDb } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";
import {
  awardsOf,
  campaignRow,
  charger,
  drivers,
  liveCampaign,
  payVerified,
  SINCE,
  verifiedSession,
} from "../support/campaigns";

keepLedgerSound();

/**
 * Every task started at once, as many callers would; each waits for one of the pool's connections
 * itself (Prisma's own queue gives up after 10 s, which 200 money transactions serialized on the
 * platform's issuance account outlast on a shared CI machine), so the database sees the pool's
 * full width of transactions contending for the campaign's lock the whole time.
 */
async function allAtOnce<T>(tasks: (() => Promise<T>)[], width = 10) {
  const results: PromiseSettledResult<T>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]().then(
        (value) => ({ status: "fulfilled" as const, value }),
        (reason: unknown) => ({ status: "rejected" as const, reason }),
      );
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const novaOf = async (driverId: string) => {
  const a = await testDb.ledgerAccount.findFirst({
    where: { ownerType: "DRIVER", ownerId: driverId, kind: "AVAILABLE", currency: "NOVA" },
  });
  return Number(a?.balance ?? 0n);
};
const campaignTxCount = (campaignId: string) =>
  testDb.ledgerTransaction.count({
    where: { type: "CAMPAIGN_REWARD", idempotencyKey: { startsWith: `campaign:${campaignId}:` } },
  });

describe("campaign budgets and limits under concurrency", () => {
  it("200 qualifying rewards racing (the pool's width in flight) against a 50-award budget: exactly 50 paid, never over", async () => {
    const c = await charger();
    const { campaign } = await liveCampaign(c.id, {
      effects: [{ kind: "bonus_nova", nova: 100 }],
      limits: { startsAt: SINCE, budgetNova: 5_000 },
    });
    const ids = await drivers(200);
    const sessions = await Promise.all(ids.map((d) => verifiedSession(d, c.id)));
    const retries = async () => (await ledgerMetrics().retries.get()).values.reduce((n, v) => n + v.value, 0);
    const retriedBefore = await retries();
    const results = await allAtOnce(sessions.map((s) => () => payVerified(s)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    // every posting of a transaction uses one shard of each hot account, so none deadlocks (none retried)
    expect((await retries()) - retriedBefore).toBe(0);
    const awards = await awardsOf(campaign.id);
    expect(awards).toHaveLength(50);
    expect(awards.reduce((n, a) => n + a.nova, 0)).toBe(5_000);
    expect(await campaignRow(campaign.id)).toMatchObject({ spentNova: 5_000, awardCount: 50 });
    expect(await campaignTxCount(campaign.id)).toBe(50);
    const bonuses = await Promise.all(ids.map(novaOf));
    // base 200 each, plus 100 for the 50 who were paid the bonus
    expect(bonuses.filter((n) => n === 300)).toHaveLength(50);
    expect(bonuses.filter((n) => n === 200)).toHaveLength(150);
  });

  it("a budget that does not divide evenly pays its last award partly, then nothing", async () => {
    const c = await charger();
    const { campaign } = await liveCampaign(c.id, {
      effects: [{ kind: "bonus_nova", nova: 100 }],
      limits: { startsAt: SINCE, budgetNova: 250 },
    });
    const ids = await drivers(20);
    await Promise.all((await Promise.all(ids.map((d) => verifiedSession(d, c.id)))).map(payVerified));
    const awards = await awardsOf(campaign.id);
    expect(awards.map((a) => a.nova).sort()).toEqual([100, 100, 50]);
    expect(awards.find((a) => a.nova === 50)?.label).toContain("(the last of its budget)");
    expect((await campaignRow(campaign.id)).spentNova).toBe(250);
  });

  it("per-driver and per-day limits hold under 30 concurrent sessions of one driver", async () => {
    const c = await charger();
    const perDriver = await liveCampaign(c.id, {
      name: "Five times",
      effects: [{ kind: "bonus_nova", nova: 10 }],
      limits: { startsAt: SINCE, perDriver: 5 },
    });
    const perDay = await liveCampaign(c.id, {
      name: "Twice a day",
      effects: [{ kind: "cash_bonus", cents: 25 }],
      limits: { startsAt: SINCE, perDriverPerDay: 2 },
    });
    const [driver] = await drivers(1);
    // 10 sessions on each of three days (noon in Chicago)
    const days = ["2026-11-20", "2026-11-21", "2026-11-22"];
    const sessions = await Promise.all(
      days.flatMap((d) =>
        Array.from({ length: 10 }, (_, i) => verifiedSession(driver, c.id, new Date(`${d}T18:${10 + i}:00Z`))),
      ),
    );
    const results = await Promise.allSettled(sessions.map(payVerified));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await awardsOf(perDriver.campaign.id)).toHaveLength(5);
    const daily = await awardsOf(perDay.campaign.id);
    expect(daily).toHaveLength(6);
    expect(days.map((d) => daily.filter((a) => a.localDay === d).length)).toEqual([2, 2, 2]);
    expect((await campaignRow(perDay.campaign.id)).spentCents).toBe(150);
  });
});

describe("paying once", () => {
  it("the same session made available again (retry, redelivery) pays once; a revision keeps the old award's version, a later session pays under the new one", async () => {
    const c = await charger();
    const { campaign, actor, definition } = await liveCampaign(c.id, {
      name: "Night owl bonus",
      effects: [{ kind: "multiplier", factor: 2 }],
      conditions: { hours: { start: "01:00", end: "05:00" }, timeZone: "America/Chicago" },
    });
    const [driver] = await drivers(1);
    const night = await verifiedSession(driver, c.id, new Date("2026-11-28T08:30:00Z")); // 02:30 in Chicago
    const day = await verifiedSession(driver, c.id, new Date("2026-11-28T18:30:00Z")); // 12:30
    await Promise.all(Array.from({ length: 10 }, () => payVerified(night)));
    await payVerified(day);
    await reviseCampaign(
      actor,
      campaign.id,
      { ...definition, conditions: { chargerIds: [c.id] }, effects: [{ kind: "multiplier", factor: 3 }] },
      fakeMeta(),
    );
    // redelivered after the revision: not re-evaluated; and evaluating again directly finds the award and pays nothing
    await Promise.all([payVerified(night), payVerified(day)]);
    await runMoneyTx((tx) => awardSessionCampaignsInTx(tx, night.id, 200));
    // a new trigger after the revision: paid under version 2's rules, its label saying so
    const later = await verifiedSession(driver, c.id, new Date("2026-11-29T18:30:00Z"));
    await Promise.all([payVerified(later), payVerified(later)]);
    const awards = (await awardsOf(campaign.id)).sort((a, b) => a.version - b.version);
    expect(awards).toHaveLength(2);
    expect(awards[0]).toMatchObject({ triggerId: night.id, version: 1, nova: 200, label: "Night owl bonus, 2× Nova" });
    expect(awards[1]).toMatchObject({ triggerId: later.id, version: 2, nova: 400, label: "Night owl bonus, 3× Nova" });
    expect(await campaignRow(campaign.id)).toMatchObject({ currentVersion: 2, spentNova: 600, awardCount: 2 });
    expect(await campaignTxCount(campaign.id)).toBe(2);
    expect(await novaOf(driver)).toBe(200 + 200 + 200 + 200 + 400);
    const statement = await unsafeListStatement("DRIVER", driver);
    expect(statement.filter((l) => l.reason === "Night owl bonus, 2× Nova")).toHaveLength(1);
    expect(statement.filter((l) => l.reason === "Night owl bonus, 3× Nova")).toHaveLength(1);
  });

  it("a kill-switched or paused campaign pays nothing", async () => {
    const c = await charger();
    const off = await liveCampaign(c.id, { name: "Switched off", effects: [{ kind: "bonus_nova", nova: 50 }] });
    const paused = await liveCampaign(c.id, { name: "Paused one", effects: [{ kind: "bonus_nova", nova: 50 }] });
    await setCampaignEnabled(off.actor, off.campaign.id, false, fakeMeta());
    await setCampaignStatus(paused.actor, paused.campaign.id, "PAUSED", fakeMeta());
    const [driver] = await drivers(1);
    await payVerified(await verifiedSession(driver, c.id));
    expect(await awardsOf(off.campaign.id)).toEqual([]);
    expect(await awardsOf(paused.campaign.id)).toEqual([]);
    expect(await novaOf(driver)).toBe(200);
  });

  it("a held driver's campaign bonus waits with the base reward and is paid when the hold is released", async () => {
    const c = await charger();
    const { campaign } = await liveCampaign(c.id, { name: "Held bonus", effects: [{ kind: "bonus_nova", nova: 70 }] });
    const [driver] = await drivers(1);
    const flag = await testDb.riskFlag.create({
      data: { driverId: driver, rule: "test", evidence: {}, fingerprint: "f", summary: "held for a test" },
    });
    const s = await verifiedSession(driver, c.id);
    await payVerified(s);
    expect(await awardsOf(campaign.id)).toEqual([]);
    await testDb.riskFlag.update({
      where: { id: flag.id },
      data: { status: "APPROVED", decidedById: driver, decidedAt: new Date(), decisionReason: "approved for a test" },
    });
    await testDb.$transaction((tx) => releaseHeldSessionRewards(tx, driver));
    expect(await awardsOf(campaign.id)).toHaveLength(1);
    expect(await novaOf(driver)).toBe(270);
  });

  it("a first-charge campaign pays once per driver, for the first verified session only", async () => {
    const c = await charger();
    const { campaign } = await liveCampaign(c.id, {
      name: "Welcome charge",
      trigger: "first_charge",
      effects: [{ kind: "bonus_nova", nova: 500 }],
    });
    const [driver] = await drivers(1);
    const first = await verifiedSession(driver, c.id, new Date(Date.now() - 5 * 3600_000));
    const second = await verifiedSession(driver, c.id, new Date(Date.now() - 3600_000));
    await Promise.all([payVerified(second), payVerified(first), payVerified(first)]);
    const awards = await awardsOf(campaign.id);
    expect(awards).toHaveLength(1);
    expect(awards[0]).toMatchObject({ triggerId: driver, nova: 500 });
  });
});

describe("revising a budget", () => {
  it("a revision waiting on the campaign's lock judges its budget by what was spent while it waited", async () => {
    const c = await charger();
    const { campaign, actor, definition } = await liveCampaign(c.id, { effects: [{ kind: "bonus_nova", nova: 50 }] });
    const waitingOnLocks = async () =>
      (
        await testDb.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`
      )[0].n;
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // as an award does: under the campaign row's lock, what it spends is added
    const award = testDb.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Campaign" WHERE "id" = ${campaign.id} FOR UPDATE`;
        await tx.$executeRaw`UPDATE "Campaign" SET "spentNova" = "spentNova" + 1200 WHERE "id" = ${campaign.id}`;
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const revision = reviseCampaign(
      actor,
      campaign.id,
      { ...definition, limits: { ...definition.limits, budgetNova: 1_000 } },
      fakeMeta(),
    ).then(
      () => "revised",
      (err: Error) => err.message,
    );
    const deadline = Date.now() + 20_000;
    while ((await waitingOnLocks()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await waitingOnLocks()).toBeGreaterThan(0); // the revision is queued behind the award's lock
    release();
    await award;
    expect(await revision).toBe(
      "This campaign has already spent 1,200 Nova: its Nova budget cannot be less than that.",
    );
    expect((await campaignRow(campaign.id)).currentVersion).toBe(1);
  });
});
