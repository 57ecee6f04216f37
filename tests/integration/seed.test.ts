import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { simulateCampaign } from "@/lib/campaigns";
import { DEMO_ACCOUNTS, DEMO_HISTORY_DRIVERS, DEMO_LAPSED_DRIVER, DEMO_MERCHANT_SLUG } from "@/lib/demo/accounts";
import { checkLedger, unsafeGetBalances } from "@/lib/ledger";
import { unsafeNextNovaExpiry } from "@/lib/nova-expiry";
import { DEMO_CAMPAIGN_NAME } from "@/lib/demo/night-owl";
import { DEMO_EVENT_NAME } from "@/lib/demo/energy-event";
import { seedDemoData } from "@/lib/demo/seed";
import { FLAGS } from "@/lib/flags/definitions";
import { asAdmin } from "../support/factories";

const db = createDb(process.env.DATABASE_URL, 2);
const demoAdminId = async () => (await db.user.findUnique({ where: { email: "admin@nerava.demo" } }))?.id ?? "none";
afterAll(async () => {
  // the demo's live campaign would pay other files' night-time sessions in this shared database
  await db.campaign.updateMany({
    where: { name: DEMO_CAMPAIGN_NAME, createdById: await demoAdminId() },
    data: { status: "ENDED" },
  });
  await db.$disconnect();
});

describe("demo seed", () => {
  it("creates the demo world and is idempotent", async () => {
    await seedDemoData(db);
    const counts = async () => ({
      users: await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } }),
      chargers: await db.charger.count({ where: { externalId: { startsWith: "demo-" } } }),
      offers: await db.offer.count({ where: { merchant: { slug: DEMO_MERCHANT_SLUG } } }),
      flags: await db.featureFlag.count({ where: { key: { in: Object.keys(FLAGS) } } }),
      campaigns: await db.campaign.count({
        where: { name: DEMO_CAMPAIGN_NAME, createdById: await demoAdminId(), status: "LIVE", currentVersion: 1 },
      }),
    });
    const first = await counts();
    expect(first).toEqual({ users: 3, chargers: 6, offers: 2, flags: Object.keys(FLAGS).length, campaigns: 1 });
    await seedDemoData(db);
    expect(await counts()).toEqual(first);

    const owner = await db.merchantMember.findFirst({
      where: { merchant: { slug: DEMO_MERCHANT_SLUG }, user: { email: "merchant@nerava.demo" } },
    });
    expect(owner?.role).toBe("OWNER");
    const admin = await db.user.findUnique({ where: { email: "admin@nerava.demo" }, omit: { passwordHash: false } });
    expect(admin?.role).toBe("ADMIN");
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("schedules one upcoming demo energy event, at least 3 hours ahead, announced to the demo driver once", async () => {
    await seedDemoData(db);
    await seedDemoData(db);
    const events = await db.energyEvent.findMany({ where: { name: DEMO_EVENT_NAME } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "CHARGE", status: "SCHEDULED", novaPerKwh: 10 });
    expect(events[0].startsAt.getTime() - Date.now()).toBeGreaterThan(3 * 3600_000 - 60_000);
    expect(events[0].endsAt.getTime() - events[0].startsAt.getTime()).toBe(4 * 3600_000);
    const driver = await db.user.findUniqueOrThrow({ where: { email: "driver@nerava.demo" } });
    expect(await db.notification.count({ where: { userId: driver.id, subjectId: events[0].id } })).toBe(1);
  });

  it("gives the lapsed demo driver Nova expiring in about 10 days, once, with a clean ledger", async () => {
    await seedDemoData(db);
    await seedDemoData(db);
    const lapsed = await db.user.findUniqueOrThrow({ where: { email: DEMO_LAPSED_DRIVER.email } });
    expect((await unsafeGetBalances("DRIVER", lapsed.id)).nova.available).toBe(120n);
    const next = await unsafeNextNovaExpiry(lapsed.id);
    expect(next?.amount).toBe(120n);
    const days = (next!.expiresOn.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(8);
    expect(days).toBeLessThan(12);
    // only this posting's rows (another file in the run may leave a broken row on purpose)
    const mine = new Set([
      ...(await db.ledgerAccount.findMany({ where: { ownerId: { in: [lapsed.id, "platform"] } } })).map((a) => a.id),
      ...(await db.ledgerTransaction.findMany({ where: { idempotencyKey: { startsWith: "demo:" } } })).map((t) => t.id),
    ]);
    expect((await checkLedger(db)).violations.filter((v) => mine.has(v.id))).toEqual([]);
  });

  it("gives the demo drivers a month of verified charging, paid through the reward path, that the Night owl simulation replays", async () => {
    await seedDemoData(db);
    const emails = ["driver@nerava.demo", ...DEMO_HISTORY_DRIVERS.map((d) => d.email)];
    const drivers = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
    const ids = drivers.map((d) => d.id);
    const sessions = await db.chargingSession.findMany({
      where: { driverId: { in: ids }, id: { startsWith: "demo-charge-" } },
      select: { id: true, driverId: true, startedAt: true, status: true },
    });
    const monthAgo = Date.now() - 30 * 86_400_000;
    expect(new Set(sessions.map((s) => s.driverId)).size).toBe(4);
    expect(sessions.length).toBeGreaterThanOrEqual(24);
    expect(sessions.every((s) => s.status === "VERIFIED" && s.startedAt.getTime() > monthAgo)).toBe(true);
    expect(sessions.every((s) => s.startedAt.getTime() < Date.now())).toBe(true);
    const hour = (at: Date) =>
      Number(
        new Intl.DateTimeFormat("en-US", { timeZone: "America/Chicago", hour: "2-digit", hourCycle: "h23" }).format(at),
      );
    const night = sessions.filter((s) => hour(s.startedAt) >= 1 && hour(s.startedAt) < 5);
    expect(night.length).toBeGreaterThanOrEqual(4);
    // each reward posted pending and made available, under the keys lib/rewards gives them
    const keys = sessions.flatMap((s) => [`session:${s.id}:pending`, `session:${s.id}:available`]);
    expect(await db.ledgerTransaction.count({ where: { idempotencyKey: { in: keys } } })).toBe(keys.length);
    const maya = (await db.user.findUniqueOrThrow({ where: { email: "driver@nerava.demo" } })).id;
    expect((await unsafeGetBalances("DRIVER", maya)).nova.available).toBeGreaterThan(0n);

    // the simulator replays them: the probe saw "Replayed 0 triggers" on the demo's campaign
    const adminId = await demoAdminId();
    const campaign = await db.campaign.findFirstOrThrow({ where: { name: DEMO_CAMPAIGN_NAME, createdById: adminId } });
    const sim = await simulateCampaign(asAdmin(adminId), { campaignId: campaign.id, days: 30 });
    expect(sim.triggers).toBeGreaterThanOrEqual(sessions.length);
    expect(sim.awards).toBeGreaterThan(0);
    // what it paid live since it went live is what the simulation pays for those sessions
    const awards = await db.campaignAward.findMany({ where: { campaignId: campaign.id, driverId: { in: ids } } });
    expect(awards.length).toBeGreaterThan(0);
    expect(awards.every((a) => night.some((s) => s.id === a.triggerId))).toBe(true);

    // a second seed writes no session or posting more, and the ledger stays clean
    const before = await db.ledgerTransaction.count({
      where: { idempotencyKey: { startsWith: "session:demo-charge-" } },
    });
    await seedDemoData(db);
    expect(await db.chargingSession.count({ where: { id: { startsWith: "demo-charge-" } } })).toBe(sessions.length);
    expect(
      await db.ledgerTransaction.count({ where: { idempotencyKey: { startsWith: "session:demo-charge-" } } }),
    ).toBe(before);
    const mine = new Set([
      ...(await db.ledgerAccount.findMany({ where: { ownerId: { in: ids } } })).map((a) => a.id),
      ...(await db.ledgerTransaction.findMany({ where: { idempotencyKey: { in: keys } } })).map((t) => t.id),
    ]);
    expect((await checkLedger(db)).violations.filter((v) => mine.has(v.id))).toEqual([]);
  });
});
