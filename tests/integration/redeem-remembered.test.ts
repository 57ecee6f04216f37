import { afterAll, describe, expect, it } from "vitest";
import { unsafeGetBalances } from "@/lib/ledger";
import { redeemOffer } from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { asAdmin, asDriver, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";

// A redemption of an offer this process redeemed lately is posted straight away with a guard
// (offer-memory.ts): the database must still hold the offer as remembered, live, redeemable by the
// driver. Anything changed since fails the guard, writes nothing, and the offer is read afresh, so
// the hold always matches the offer as it is and every refusal is the one a fresh read gives.

afterAll(() => testDb.$disconnect());

async function setUp() {
  const admin = await createUser({ role: "ADMIN" });
  const driver = await createUser();
  const merchant = await createMerchant();
  const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
  await grantNova(
    asAdmin(admin.id),
    { driverId: driver.id, amount: 1000, reason: "funds", idempotencyKey: uid() },
    fakeMeta(),
  );
  const redeem = (key = `k-${uid()}`) =>
    redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key }, fakeMeta());
  const held = async () => (await unsafeGetBalances("DRIVER", driver.id)).nova.held;
  return { driver, merchant, offer, redeem, held };
}

describe("redeeming an offer the process remembers", () => {
  it("holds the price the database holds now, not the remembered one", async () => {
    const { offer, redeem, held } = await setUp();
    expect((await redeem()).novaAmount).toBe(100); // read, then remembered
    expect((await redeem()).novaAmount).toBe(100); // from memory, guarded
    await testDb.offer.update({ where: { id: offer.id }, data: { novaPrice: 120 } });
    const after = await redeem();
    expect(after.novaAmount).toBe(120);
    expect(await held()).toBe(320n);
    const hold = await testDb.ledgerEntry.findMany({
      where: { transactionId: after.holdTxId },
      select: { amount: true },
    });
    expect(hold.map((e) => e.amount).sort()).toEqual([-120n, 120n]);
    // the limits are part of what is remembered too (a limit counts the redemptions after it is set)
    await testDb.offer.update({ where: { id: offer.id }, data: { perDriverLimit: 1 } });
    await redeem();
    await expect(redeem()).rejects.toMatchObject({ code: "offer_limit" });
    expect(await held()).toBe(440n);
  });

  it("refuses as a fresh read does: an ended offer, a closed merchant, the driver's own shop", async () => {
    const { driver, merchant, offer, redeem, held } = await setUp();
    await redeem();
    await testDb.offer.update({ where: { id: offer.id }, data: { active: false } });
    await expect(redeem()).rejects.toMatchObject({ status: 404 });
    await testDb.offer.update({ where: { id: offer.id }, data: { active: true } });
    await redeem();
    await testDb.merchantMember.create({ data: { merchantId: merchant.id, userId: driver.id, role: "STAFF" } });
    await expect(redeem()).rejects.toMatchObject({ code: "self_dealing" });
    expect(await testDb.auditLog.count({ where: { action: "redemption.refused", actorId: driver.id } })).toBe(1);
    await testDb.merchantMember.deleteMany({ where: { merchantId: merchant.id, userId: driver.id } });
    await redeem();
    await testDb.merchant.update({ where: { id: merchant.id }, data: { status: "SUSPENDED" } });
    await expect(redeem()).rejects.toMatchObject({ status: 404 });
    expect(await held()).toBe(300n);
  });

  it("a replay from memory returns the first code, and the switch refuses from memory too", async () => {
    const { offer, redeem, held } = await setUp();
    await redeem();
    const first = await redeem("same-key");
    expect(await redeem("same-key")).toMatchObject({ id: first.id, code: first.code, holdTxId: first.holdTxId });
    expect(await held()).toBe(200n);
    await testDb.featureFlag.upsert({
      where: { key: "REDEMPTIONS_ENABLED" },
      create: { key: "REDEMPTIONS_ENABLED", enabled: false, description: "test" },
      update: { enabled: false },
    });
    try {
      await expect(redeem()).rejects.toMatchObject({ code: "redemptions_disabled" });
    } finally {
      await testDb.featureFlag.update({ where: { key: "REDEMPTIONS_ENABLED" }, data: { enabled: true } });
    }
    expect(await held()).toBe(200n);
    void offer;
  });
});
