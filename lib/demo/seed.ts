import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Db } from "@/lib/db/client";
import {
  DEMO_ACCOUNTS,
  DEMO_HISTORY_DRIVERS,
  DEMO_LAPSED_DRIVER,
  DEMO_MERCHANT_SLUG,
  DEMO_OTHER_MERCHANT_MEMBER,
  DEMO_PASSWORD,
} from "./accounts";
import { seedChargingHistory } from "./charging-history";
import { seedExpiringNova } from "./expiring-nova";
import { seedNightOwl } from "./night-owl";
import { seedEnergyEvent } from "./energy-event";
import { DEMO_CHARGERS, DEMO_MERCHANTS } from "./places";
// the definitions only (no server-only import), so the seed script can read them outside Next
// eslint-disable-next-line no-restricted-imports
import { FLAGS as FLAG_DEFINITIONS } from "@/lib/flags/definitions";

const ROLE = { driver: "DRIVER", merchant: "MERCHANT", admin: "ADMIN" } as const;
/** Drivers with a month of charging joined before it (a "new driver" campaign segment leaves them out). */
const JOINED_BEFORE_HISTORY = () => new Date(Date.now() - 120 * 86_400_000);

// every kill switch, on, with the description the flags page shows
const FLAGS = Object.entries(FLAG_DEFINITIONS).map(([key, flag]) => ({
  key,
  enabled: true,
  description: flag.description,
}));

/** Idempotent: running it again changes nothing that already exists. */
export async function seedDemoData(db: Db): Promise<{ users: number; chargers: number; merchants: number }> {
  const passwordHash = await hash(DEMO_PASSWORD);
  const users: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      update: {},
      create: {
        email: account.email,
        name: account.name,
        role: ROLE[account.role],
        passwordHash,
        emailVerified: new Date(),
        ...(account.role === "driver" ? { createdAt: JOINED_BEFORE_HISTORY() } : {}),
      },
    });
    users[account.role] = user.id;
  }

  const chargerIds: Record<string, string> = {};
  for (const charger of DEMO_CHARGERS) {
    const row = await db.charger.upsert({
      where: { externalId: charger.externalId },
      update: {},
      create: { ...charger, connectors: [...charger.connectors] },
    });
    chargerIds[charger.externalId] = row.id;
  }

  for (const { offers, charger, ...merchant } of DEMO_MERCHANTS) {
    const existing = await db.merchant.findUnique({ where: { slug: merchant.slug }, select: { id: true } });
    if (existing) continue;
    await db.merchant.create({
      data: {
        ...merchant,
        chargerId: chargerIds[charger],
        qrToken: randomBytes(18).toString("base64url"),
        offers: { create: offers },
        members:
          merchant.slug === DEMO_MERCHANT_SLUG ? { create: { userId: users.merchant, role: "OWNER" } } : undefined,
      },
    });
  }

  const other = DEMO_OTHER_MERCHANT_MEMBER;
  const otherUser = await db.user.upsert({
    where: { email: other.email },
    update: {},
    create: { email: other.email, name: other.name, role: "MERCHANT", passwordHash, emailVerified: new Date() },
  });
  const otherShop = await db.merchant.findUniqueOrThrow({ where: { slug: other.merchantSlug }, select: { id: true } });
  await db.merchantMember.upsert({
    where: { merchantId_userId: { merchantId: otherShop.id, userId: otherUser.id } },
    update: {},
    create: { merchantId: otherShop.id, userId: otherUser.id, role: "OWNER" },
  });

  const lapsed = await db.user.upsert({
    where: { email: DEMO_LAPSED_DRIVER.email },
    update: {},
    create: { ...DEMO_LAPSED_DRIVER, role: "DRIVER", passwordHash, emailVerified: new Date() },
  });
  await seedExpiringNova(db, lapsed.id);
  await seedNightOwl(db, users.admin);
  // after the Night owl bonus exists: it pays the month's night sessions, as it would have live
  const charged = [{ id: users.driver, tag: "maya" }];
  for (const d of DEMO_HISTORY_DRIVERS) {
    const user = await db.user.upsert({
      where: { email: d.email },
      update: {},
      create: {
        email: d.email,
        name: d.name,
        role: "DRIVER",
        passwordHash,
        emailVerified: new Date(),
        createdAt: JOINED_BEFORE_HISTORY(),
      },
    });
    charged.push({ id: user.id, tag: d.tag });
  }
  await seedChargingHistory(db, charged);
  await seedEnergyEvent(db, users.admin, [users.driver, lapsed.id]);

  for (const flag of FLAGS) {
    await db.featureFlag.upsert({ where: { key: flag.key }, update: {}, create: flag });
  }
  return { users: DEMO_ACCOUNTS.length, chargers: DEMO_CHARGERS.length, merchants: DEMO_MERCHANTS.length };
}
