import { afterAll, describe, expect, it } from "vitest";
import { checkLedger, unsafeGetBalances } from "@/lib/ledger";
import { confirmRedemption, directSpend, mintSpendToken, redeemOffer, unsafeReleaseRedemption } from "@/lib/merchants";
import { grantNova, reverseTransaction } from "@/lib/rewards";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";

afterAll(() => testDb.$disconnect());

const key = () => `k-${uid()}-${uid()}-${uid()}`;

/** An admin grants a driver Nova (a fresh idempotency key each time). */
const grant = (adminId: string, driverId: string, amount: number, reason = "test") =>
  grantNova(asAdmin(adminId), { driverId, amount, reason, idempotencyKey: key() }, fakeMeta());

async function world() {
  const admin = await createUser({ role: "ADMIN" });
  const driver = await createUser();
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
  return { admin, driver, owner, merchant, offer };
}

describe("grant → redeem → confirm", () => {
  it("moves Nova through held to the merchant and the statements agree", async () => {
    const { admin, driver, owner, merchant, offer } = await world();
    await grant(admin.id, driver.id, 500, "welcome bonus");
    const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    expect(code.code).toMatch(/^[0-9A-Z]{12}$/);
    expect(await unsafeGetBalances("DRIVER", driver.id)).toMatchObject({ nova: { available: 400n, held: 100n } });
    const done = await confirmRedemption(
      asMerchant(owner.id),
      merchant.id,
      { code: code.code.toLowerCase().replace(/(.{4})/g, "$1-") },
      fakeMeta(),
    );
    expect(done.nova).toBe(100);
    expect(await unsafeGetBalances("DRIVER", driver.id)).toMatchObject({ nova: { available: 400n, held: 0n } });
    expect((await unsafeGetBalances("MERCHANT", merchant.id)).nova.available).toBe(100n);
    await expect(
      confirmRedemption(asMerchant(owner.id), merchant.id, { code: code.code }, fakeMeta()),
    ).rejects.toMatchObject({
      code: "code_used",
    });
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });

  it("another merchant cannot confirm the code", async () => {
    const { admin, driver, offer } = await world();
    const other = await createUser({ role: "MERCHANT" });
    const otherShop = await createMerchant(other.id);
    await grant(admin.id, driver.id, 100);
    const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    await expect(
      confirmRedemption(asMerchant(other.id), otherShop.id, { code: code.code }, fakeMeta()),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it("a released code returns the Nova and cannot be confirmed", async () => {
    const { admin, driver, owner, merchant, offer } = await world();
    await grant(admin.id, driver.id, 100);
    const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    expect(await unsafeReleaseRedemption({ codeId: code.id, expired: false, driverId: driver.id })).toBe(true);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toMatchObject({ available: 100n, held: 0n });
    await expect(
      confirmRedemption(asMerchant(owner.id), merchant.id, { code: code.code }, fakeMeta()),
    ).rejects.toMatchObject({
      status: 410,
    });
  });

  it("the counter hears that a cancelled code was cancelled, and that an expired one expired", async () => {
    const { admin, driver, owner, merchant, offer } = await world();
    await grant(admin.id, driver.id, 200);
    const cancelled = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    expect(await unsafeReleaseRedemption({ codeId: cancelled.id, expired: false, driverId: driver.id })).toBe(true);
    await expect(
      confirmRedemption(asMerchant(owner.id), merchant.id, { code: cancelled.code }, fakeMeta()),
    ).rejects.toMatchObject({
      code: "code_cancelled",
      status: 410,
      message: expect.stringMatching(/cancelled/),
    });

    const expired = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    await testDb.redemptionCode.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // first while still held (the refusal releases it), then once released
    for (let i = 0; i < 2; i++)
      await expect(
        confirmRedemption(asMerchant(owner.id), merchant.id, { code: expired.code }, fakeMeta()),
      ).rejects.toMatchObject({
        code: "code_expired",
        status: 410,
        message: expect.stringMatching(/expired/),
      });
    expect((await testDb.redemptionCode.findUniqueOrThrow({ where: { id: expired.id } })).status).toBe("RELEASED");
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toMatchObject({ available: 200n, held: 0n });
  });

  it("a reversal returns a grant once; spent Nova cannot be reversed", async () => {
    const { admin, driver, owner, merchant } = await world();
    const g = await grant(admin.id, driver.id, 300, "oops");
    await reverseTransaction(
      asAdmin(admin.id),
      { transactionId: g.transactionId, reason: "granted twice", idempotencyKey: key() },
      fakeMeta(),
    );
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(0n);
    await expect(
      reverseTransaction(
        asAdmin(admin.id),
        { transactionId: g.transactionId, reason: "again", idempotencyKey: key() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "already_reversed" });
    const g2 = await grant(admin.id, driver.id, 300, "real");
    const token = await mintSpendToken(asDriver(driver.id));
    await directSpend(
      asMerchant(owner.id),
      merchant.id,
      { spendCode: token.qrValue, amount: 250, idempotencyKey: key() },
      fakeMeta(),
    );
    await expect(
      reverseTransaction(
        asAdmin(admin.id),
        { transactionId: g2.transactionId, reason: "late", idempotencyKey: key() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "insufficient_funds" });
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });

  it("a redemption hold cannot be reversed behind its code's back", async () => {
    const { admin, driver, offer } = await world();
    await grant(admin.id, driver.id, 100);
    const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    await expect(
      reverseTransaction(
        asAdmin(admin.id),
        { transactionId: code.holdTxId, reason: "nope", idempotencyKey: key() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "not_reversible" });
  });
});
