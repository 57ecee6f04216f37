import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_LAPSED_DRIVER, DEMO_MERCHANT_SLUG } from "@/lib/demo/accounts";
import { checkLedger, unsafeGetBalances } from "@/lib/ledger";
import { unsafeNextNovaExpiry } from "@/lib/nova-expiry";
import { DEMO_CAMPAIGN_NAME } from "@/lib/demo/night-owl";
import { DEMO_EVENT_NAME } from "@/lib/demo/energy-event";
import { seedDemoData } from "@/lib/demo/seed";
import { FLAGS } from "@/lib/flags/definitions";

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
});
