import { afterAll, describe, expect, it } from "vitest";
import { decideClaim, fileClaim } from "@/lib/charging";
import { db } from "@/lib/db";
import {
  checkLedger,
  unsafeGetBalances,
  postInTx,
  runMoneyTx,
  type Posted,
  type RequestFingerprint,
  type TransactionType,
} from "@/lib/ledger";
import { confirmRedemption, directSpend, mintSpendToken, redeemOffer, unsafeReleaseRedemption } from "@/lib/merchants";
import { grantNova, reverseTransaction } from "@/lib/rewards";
import { forfeitReward, makeRewardAvailable, postPendingReward } from "@/lib/rewards/session-reward";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";

// Every money call's idempotency fingerprint covers every parameter that changes its outcome:
// the same key with another offer, merchant, driver, amount, session or reason is a 409, the
// same key with the same request is the first result again. Flows whose key comes from the
// request itself (a code, a session) are checked by posting under their key again: the same
// fingerprint replays (so it is exactly the one named here), one changed field conflicts.

afterAll(async () => {
  await testDb.$disconnect();
  await db().$disconnect();
});

const key = () => `k-${uid()}-${uid()}-${uid()}`;
const conflict = { code: "idempotency_conflict", status: 409 };

async function grant(adminId: string, driverId: string, amount: number) {
  return grantNova(asAdmin(adminId), { driverId, amount, reason: "test funds", idempotencyKey: key() }, fakeMeta());
}

/** Posts again under an existing transaction's key, type, lines and original, with `request` as the fingerprint. */
async function postAgain(transactionId: string, request: RequestFingerprint): Promise<Posted> {
  const t = await testDb.ledgerTransaction.findUniqueOrThrow({
    where: { id: transactionId },
    select: {
      idempotencyKey: true,
      type: true,
      reversesId: true,
      entries: {
        select: {
          amount: true,
          account: { select: { ownerType: true, ownerId: true, kind: true, currency: true } },
        },
      },
    },
  });
  return runMoneyTx((tx) =>
    postInTx(tx, {
      idempotencyKey: t.idempotencyKey,
      type: t.type as TransactionType,
      reason: "posted again by the test",
      reversesId: t.reversesId ?? undefined,
      request,
      lines: t.entries.map((e) => ({ account: e.account, amount: e.amount })),
    }),
  );
}

/** The fingerprint is exactly `request`: it replays, and changing any one of `changes` conflicts. */
async function expectFingerprint(transactionId: string, request: RequestFingerprint, changes: RequestFingerprint) {
  expect(await postAgain(transactionId, request)).toEqual({ transactionId, replayed: true });
  for (const [field, value] of Object.entries(changes)) {
    await expect(postAgain(transactionId, { ...request, [field]: value }), field).rejects.toMatchObject(conflict);
  }
}

async function shopWithOffer(title: string, novaPrice: number) {
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const offer = await testDb.offer.create({
    data: { merchantId: merchant.id, title, description: title, novaPrice },
  });
  return { owner, merchant, offer };
}

describe("idempotency fingerprints", () => {
  it("grant: another driver, amount or reason under the same key is refused; the same grant replays", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const [driver, other] = [await createUser(), await createUser()];
    const input = { driverId: driver.id, amount: 40, reason: "welcome bonus", idempotencyKey: key() };
    const first = await grantNova(asAdmin(admin.id), input, fakeMeta());
    await expect(grantNova(asAdmin(admin.id), { ...input, reason: "apology" }, fakeMeta())).rejects.toMatchObject(
      conflict,
    );
    await expect(grantNova(asAdmin(admin.id), { ...input, driverId: other.id }, fakeMeta())).rejects.toMatchObject(
      conflict,
    );
    await expect(grantNova(asAdmin(admin.id), { ...input, amount: 41 }, fakeMeta())).rejects.toMatchObject(conflict);
    expect(await grantNova(asAdmin(admin.id), input, fakeMeta())).toEqual({
      transactionId: first.transactionId,
      replayed: true,
    });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(40n);
    expect((await unsafeGetBalances("DRIVER", other.id)).nova.available).toBe(0n);
  });

  it("redeem: the same key for another shop's offer of the same price is refused, not answered with the first code", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    await grant(admin.id, driver.id, 1000);
    const coffee = await shopWithOffer("Free drip coffee", 300);
    const paperback = await shopWithOffer("$3 off any paperback", 300);
    const idempotencyKey = key();
    const code = await redeemOffer(asDriver(driver.id), { offerId: coffee.offer.id, idempotencyKey }, fakeMeta());
    await expect(
      redeemOffer(asDriver(driver.id), { offerId: paperback.offer.id, idempotencyKey }, fakeMeta()),
    ).rejects.toMatchObject(conflict);
    const again = await redeemOffer(asDriver(driver.id), { offerId: coffee.offer.id, idempotencyKey }, fakeMeta());
    expect(again.id).toBe(code.id);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toMatchObject({ available: 700n, held: 300n });
    expect(await testDb.redemptionCode.count({ where: { driverId: driver.id } })).toBe(1);
    await expectFingerprint(
      code.holdTxId,
      { offerId: coffee.offer.id, merchantId: coffee.merchant.id, driverId: driver.id },
      { offerId: paperback.offer.id, merchantId: paperback.merchant.id },
    );
  });

  it("confirm and release: a code's settlement fingerprint names the code, the merchant, the driver and the kind of release", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    await grant(admin.id, driver.id, 1000);
    const shop = await shopWithOffer("Free drip coffee", 300);
    const other = await shopWithOffer("$3 off any paperback", 300);

    const confirmed = await redeemOffer(
      asDriver(driver.id),
      { offerId: shop.offer.id, idempotencyKey: key() },
      fakeMeta(),
    );
    const done = await confirmRedemption(
      asMerchant(shop.owner.id),
      shop.merchant.id,
      { code: confirmed.code },
      fakeMeta(),
    );
    await expectFingerprint(
      done.transactionId,
      { codeId: confirmed.id, merchantId: shop.merchant.id, driverId: driver.id },
      { merchantId: other.merchant.id, codeId: "another-code" },
    );

    const cancelled = await redeemOffer(
      asDriver(driver.id),
      { offerId: shop.offer.id, idempotencyKey: key() },
      fakeMeta(),
    );
    expect(await unsafeReleaseRedemption({ codeId: cancelled.id, expired: false, driverId: driver.id })).toBe(true);
    const release = await testDb.redemptionCode.findUniqueOrThrow({ where: { id: cancelled.id } });
    await expectFingerprint(
      release.settleTxId!,
      { codeId: cancelled.id, expired: false, driverId: driver.id },
      { expired: true, codeId: "another-code" },
    );
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });

  it("direct spend: another driver or amount under the same key is refused; the same spend replays", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const [driver, other] = [await createUser(), await createUser()];
    await grant(admin.id, driver.id, 500);
    await grant(admin.id, other.id, 500);
    const shop = await shopWithOffer("Free drip coffee", 300);
    const input = { spendCode: (await mintSpendToken(asDriver(driver.id))).code, amount: 100, idempotencyKey: key() };
    const first = await directSpend(asMerchant(shop.owner.id), shop.merchant.id, input, fakeMeta());
    // the same form key with another driver's code, or another amount, is a different request
    const otherCode = (await mintSpendToken(asDriver(other.id))).code;
    await expect(
      directSpend(asMerchant(shop.owner.id), shop.merchant.id, { ...input, spendCode: otherCode }, fakeMeta()),
    ).rejects.toMatchObject(conflict);
    const freshCode = (await mintSpendToken(asDriver(driver.id))).code;
    await expect(
      directSpend(
        asMerchant(shop.owner.id),
        shop.merchant.id,
        { ...input, spendCode: freshCode, amount: 120 },
        fakeMeta(),
      ),
    ).rejects.toMatchObject(conflict);
    const again = await directSpend(asMerchant(shop.owner.id), shop.merchant.id, input, fakeMeta());
    expect(again).toMatchObject({ transactionId: first.transactionId, replayed: true });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(400n);
    expect((await unsafeGetBalances("DRIVER", other.id)).nova.available).toBe(500n);
    await expectFingerprint(
      first.transactionId,
      { merchantId: shop.merchant.id, driverId: driver.id, amount: 100 },
      { merchantId: "another-shop" },
    );
  });

  it("reversal: another transaction or reason under the same key is refused; the same reversal replays", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const [g1, g2] = [await grant(admin.id, driver.id, 50), await grant(admin.id, driver.id, 60)];
    const input = { transactionId: g1.transactionId, reason: "granted twice", idempotencyKey: key() };
    const first = await reverseTransaction(asAdmin(admin.id), input, fakeMeta());
    await expect(
      reverseTransaction(asAdmin(admin.id), { ...input, reason: "wrong driver" }, fakeMeta()),
    ).rejects.toMatchObject(conflict);
    await expect(
      reverseTransaction(asAdmin(admin.id), { ...input, transactionId: g2.transactionId }, fakeMeta()),
    ).rejects.toMatchObject(conflict);
    expect(await reverseTransaction(asAdmin(admin.id), input, fakeMeta())).toEqual({
      transactionId: first.transactionId,
      replayed: true,
    });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(60n);
  });

  it("session rewards: pending, verified and forfeited posts are fingerprinted by session and driver; a reworded forfeit replays", async () => {
    const driver = await createUser();
    const other = await createUser();
    const session = (id = `s-${uid()}`) => ({
      id,
      driverId: driver.id,
      chargerName: "Test Plaza",
      isPartner: true,
      kwhDelivered: 20,
      batteryGained: 30,
    });

    const verified = session();
    const pendingId = await runMoneyTx((tx) => postPendingReward(tx, verified));
    const release = await runMoneyTx((tx) => makeRewardAvailable(tx, verified));
    expect(await runMoneyTx((tx) => makeRewardAvailable(tx, verified))).toEqual({
      transactionId: release!.transactionId,
      replayed: true,
    });
    await expectFingerprint(
      pendingId!,
      { sessionId: verified.id, driverId: driver.id },
      { sessionId: "another-session", driverId: other.id },
    );
    await expectFingerprint(
      release!.transactionId,
      { sessionId: verified.id, driverId: driver.id },
      { sessionId: "another-session", driverId: other.id },
    );

    const unverified = session();
    await runMoneyTx((tx) => postPendingReward(tx, unverified));
    const forfeit = await runMoneyTx((tx) => forfeitReward(tx, unverified, "Not verified: no phone witness"));
    // a later evaluation words its reason differently: still the same forfeit, not a conflict
    expect(await runMoneyTx((tx) => forfeitReward(tx, unverified, "Not verified: timed out"))).toEqual({
      transactionId: forfeit!.transactionId,
      replayed: true,
    });
    await expectFingerprint(forfeit!.transactionId, { sessionId: unverified.id }, { sessionId: "another-session" });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.pending).toBe(0n);
  });

  it("claim: the reward paid on an approved claim is fingerprinted by session and driver", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const charger = await testDb.charger.create({
      data: { externalId: `c-${uid()}`, name: "Test Plaza", address: "1 Test St", latitude: 30.3, longitude: -97.7 },
    });
    const startedAt = new Date(Date.now() - 30 * 60_000);
    const row = await testDb.chargingSession.create({
      data: {
        driverId: driver.id,
        chargerId: charger.id,
        status: "UNVERIFIED",
        kwhDelivered: 20,
        startedAt,
        endedAt: new Date(startedAt.getTime() + 25 * 60_000),
      },
    });
    const s = {
      id: row.id,
      driverId: driver.id,
      chargerName: charger.name,
      isPartner: false,
      kwhDelivered: 20,
      batteryGained: null,
    };
    await runMoneyTx((tx) => postPendingReward(tx, s));
    await runMoneyTx((tx) => forfeitReward(tx, s, "Not verified: no phone witness"));
    const claim = await fileClaim(
      asDriver(driver.id),
      { sessionId: row.id, note: "My phone died while I was charging." },
      fakeMeta(),
    );
    await decideClaim(asAdmin(admin.id), { claimId: claim.id, approve: true, note: "Car data agrees." }, fakeMeta());
    const paid = await testDb.ledgerTransaction.findUniqueOrThrow({
      where: { idempotencyKey: `session:${row.id}:claim` },
    });
    await expectFingerprint(
      paid.id,
      { sessionId: row.id, driverId: driver.id },
      { sessionId: "another-session", driverId: "another-driver" },
    );
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });
});
