import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { DEMO_ACCOUNTS, DEMO_MERCHANT_SLUG } from "@/lib/demo/accounts";
import { seedDemoData } from "@/lib/demo/seed";
import { FLAGS } from "@/lib/flags/definitions";

const db = createDb(process.env.DATABASE_URL, 2);
afterAll(() => db.$disconnect());

describe("demo seed", () => {
  it("creates the demo world and is idempotent", async () => {
    await seedDemoData(db);
    const counts = async () => ({
      users: await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } }),
      chargers: await db.charger.count({ where: { externalId: { startsWith: "demo-" } } }),
      offers: await db.offer.count({ where: { merchant: { slug: DEMO_MERCHANT_SLUG } } }),
      flags: await db.featureFlag.count({ where: { key: { in: Object.keys(FLAGS) } } }),
    });
    const first = await counts();
    expect(first).toEqual({ users: 3, chargers: 6, offers: 2, flags: Object.keys(FLAGS).length });
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
});
