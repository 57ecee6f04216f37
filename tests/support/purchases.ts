import { afterAll, beforeAll, expect } from "vitest";
import { recordMerchantTopUp } from "@/lib/funding";
import { stopWorkers } from "@/lib/jobs";
import { checkLedger, runMoneyTx, unsafeGetBalances, type LedgerViolation } from "@/lib/ledger";
import { unsafeSettlePurchase } from "@/lib/purchases";
import { asAdmin, createMerchant, createUser, fakeMeta, testDb, uid } from "./factories";
import { closeConnections, newViolations } from "./ledger";

/** For a purchase test file: the ledger holds no new violation at the end, then the queue and connections close; `baseline()` is what it held before. */
export function keepLedgerSound() {
  let baseline: LedgerViolation[] = [];
  beforeAll(async () => {
    baseline = (await checkLedger(testDb)).violations;
  });
  afterAll(async () => {
    expect(await newViolations(baseline)).toEqual([]);
    await stopWorkers();
    await closeConnections();
  });
  return { baseline: () => baseline };
}

/** A fresh phone number in the given area code. */
export const phoneIn = (area: string) => `+1${area}${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;

const MINUTE = 60_000;

/** A partner merchant with an owner, its own charger and one Square location beside it. */
export async function purchaseMerchant(name = "Mueller Market Coffee") {
  // each merchant on its own spot, far from every other test's chargers
  const latitude = 20 + Math.random() * 40;
  const longitude = -120 + Math.random() * 50;
  const owner = await createUser({ role: "MERCHANT" });
  const charger = await testDb.charger.create({
    data: {
      externalId: `c-${uid()}`,
      name: "Mueller Plaza",
      address: "1 Test St",
      latitude,
      longitude,
    },
  });
  const merchant = await createMerchant(owner.id);
  await testDb.merchant.update({ where: { id: merchant.id }, data: { name, chargerId: charger.id } });
  const location = await testDb.merchantLocation.create({
    data: {
      merchantId: merchant.id,
      squareLocationId: `L-${uid()}`,
      name,
      latitude: latitude + 0.0005,
      longitude,
    },
  });
  return { owner, charger, merchant: { ...merchant, name }, location };
}

export async function topUp(merchantId: string, amountCents: number) {
  const admin = await createUser({ role: "ADMIN" });
  return recordMerchantTopUp(asAdmin(admin.id), { merchantId, amountCents, reference: `REF-${uid()}` }, fakeMeta());
}

export async function driverWithPhone(phone?: string) {
  const driver = await createUser({ phone });
  if (phone) await testDb.user.update({ where: { id: driver.id }, data: { phoneVerified: new Date() } });
  return driver;
}

/** A charging session row: verified by default, `minutesAgo` started, `lasted` minutes long (null: in progress). */
export async function chargingSession(
  driverId: string,
  chargerId: string,
  opts: {
    minutesAgo?: number;
    lasted?: number | null;
    status?: "VERIFIED" | "ACTIVE" | "PENDING_WITNESS" | "CANCELLED";
  } = {},
) {
  const startedAt = new Date(Date.now() - (opts.minutesAgo ?? 40) * MINUTE);
  const lasted = opts.lasted === undefined ? 30 : opts.lasted;
  const status = opts.status ?? "VERIFIED";
  return testDb.chargingSession.create({
    data: {
      driverId,
      chargerId,
      status,
      startedAt,
      endedAt: lasted === null ? null : new Date(startedAt.getTime() + lasted * MINUTE),
      verifiedAt: status === "VERIFIED" ? new Date() : null,
    },
  });
}

export async function squareOrder(
  m: { merchant: { id: string }; location: { id: string; squareLocationId: string } },
  opts: { totalCents?: number; phone?: string; card?: string; minutesAgo?: number; state?: string } = {},
) {
  return testDb.squareOrder.create({
    data: {
      squareOrderId: `O-${uid()}${uid()}`,
      merchantId: m.merchant.id,
      locationId: m.location.id,
      squareLocationId: m.location.squareLocationId,
      version: 1,
      state: opts.state ?? "COMPLETED",
      totalCents: opts.totalCents ?? 1240,
      currency: "USD",
      customerPhone: opts.phone ?? null,
      cardFingerprint: opts.card ?? null,
      orderedAt: new Date(Date.now() - (opts.minutesAgo ?? 20) * MINUTE),
    },
  });
}

/** As the webhook does: inside a money transaction. */
export const settle = (orderId: string, now?: Date) => runMoneyTx((tx) => unsafeSettlePurchase(tx, orderId, now));

export const usd = async (ownerType: "DRIVER" | "MERCHANT" | "PLATFORM", ownerId: string) => {
  const b = await unsafeGetBalances(ownerType, ownerId);
  return { available: Number(b.usd.available), pending: Number(b.usd.pending) };
};

export async function platformFees() {
  const row = await testDb.ledgerAccount.findFirst({
    where: { ownerType: "PLATFORM", kind: "FEES", currency: "USD" },
    select: { balance: true },
  });
  return Number(row?.balance ?? 0n);
}

export const ledgerCount = (key: string) => testDb.ledgerTransaction.count({ where: { idempotencyKey: key } });

export const rewardOf = (orderId: string) =>
  testDb.purchaseReward.findUniqueOrThrow({ where: { orderId }, include: { candidates: true } });
