import { afterAll, describe, expect, it } from "vitest";
import { checkIn, checkOut, decideClaim } from "@/lib/charging";
import { config } from "@/lib/config";
import { stopWorkers } from "@/lib/jobs";
import { JOBS } from "@/lib/jobs/handlers";
import { checkLedger, unsafeGetBalances } from "@/lib/ledger";
import { confirmRedemption, directSpend, mintSpendToken, redeemOffer } from "@/lib/merchants";
import { grantNova, reverseTransaction } from "@/lib/rewards";
import { completeVehicleConnect, signConnectState } from "@/lib/vehicles";
import { actorFor, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";

// Separation of duties: nobody moves money to themselves or to their own shop, and no credit
// reaches a suspended account. Each refusal is a clear error and is kept in the audit log even
// though the money transaction it would have been part of rolled back.

afterAll(async () => {
  await stopWorkers();
  await testDb.$disconnect();
});

const key = () => `k-${uid()}-${uid()}-${uid()}`;
const suspend = (userId: string) => testDb.user.update({ where: { id: userId }, data: { status: "SUSPENDED" } });
const refusals = (action: string, actorId: string | null) =>
  testDb.auditLog.findMany({ where: { action, actorId }, orderBy: { id: "asc" } });

/** An admin's grant to fund a driver (from another admin: nobody grants to themselves). */
async function fund(driverId: string, amount: number) {
  const admin = await createUser({ role: "ADMIN" });
  await grantNova(actorFor(admin), { driverId, amount, reason: "test funds", idempotencyKey: key() }, fakeMeta());
}

async function shopWithMember() {
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
  return { owner, merchant, offer };
}

describe("grants", () => {
  it("an admin cannot grant Nova to their own account; the refusal is audited and nothing moves", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const idempotencyKey = key();
    await expect(
      grantNova(actorFor(admin), { driverId: admin.id, amount: 50, reason: "for me", idempotencyKey }, fakeMeta()),
    ).rejects.toMatchObject({ code: "self_dealing", status: 403, message: expect.stringMatching(/your own account/) });
    expect((await unsafeGetBalances("DRIVER", admin.id)).nova.available).toBe(0n);
    expect(
      await testDb.ledgerTransaction.count({ where: { idempotencyKey: `grant:${admin.id}:${idempotencyKey}` } }),
    ).toBe(0);
    const [audit] = await refusals("grant.refused", admin.id);
    expect(audit).toMatchObject({
      targetType: "user",
      targetId: admin.id,
      metadata: { reason: "self_dealing", amount: 50, note: "for me" },
    });
  });

  it("a grant to a suspended account is refused inside the money transaction and still audited", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    await suspend(driver.id);
    const idempotencyKey = key();
    await expect(
      grantNova(actorFor(admin), { driverId: driver.id, amount: 20, reason: "welcome", idempotencyKey }, fakeMeta()),
    ).rejects.toMatchObject({ code: "account_suspended", status: 409 });
    // the posting was rolled back with the transaction; the refusal was written after it
    expect(
      await testDb.ledgerTransaction.count({ where: { idempotencyKey: `grant:${admin.id}:${idempotencyKey}` } }),
    ).toBe(0);
    expect(await testDb.usageCounter.count({ where: { key: { startsWith: `grant:driver:${driver.id}:` } } })).toBe(0);
    expect(await unsafeGetBalances("DRIVER", driver.id)).toMatchObject({ nova: { available: 0n } });
    expect(await refusals("grant.refused", admin.id)).toEqual([
      expect.objectContaining({
        targetId: driver.id,
        metadata: expect.objectContaining({ reason: "account_suspended" }),
      }),
    ]);
    expect(await testDb.auditLog.count({ where: { action: "nova.granted", targetId: driver.id } })).toBe(0);
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });

  it("another admin's grant to an active driver still goes through", async () => {
    const driver = await createUser();
    await fund(driver.id, 30);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(30n);
  });
});

describe("reward claims", () => {
  async function openClaim(driverId: string) {
    const charger = await testDb.charger.create({
      data: { externalId: `c-${uid()}`, name: "Claim Plaza", address: "1 Test St", latitude: 30.3, longitude: -97.7 },
    });
    const session = await testDb.chargingSession.create({
      data: {
        driverId,
        chargerId: charger.id,
        status: "UNVERIFIED",
        startedAt: new Date(Date.now() - 30 * 60_000),
        endedAt: new Date(Date.now() - 5 * 60_000),
      },
    });
    return testDb.rewardClaim.create({ data: { sessionId: session.id, driverId, note: "I charged here." } });
  }

  it("an admin cannot decide a claim on their own session; another admin can", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const claim = await openClaim(admin.id);
    const decide = (who: { id: string; role: "DRIVER" | "MERCHANT" | "ADMIN" }) =>
      decideClaim(actorFor(who), { claimId: claim.id, approve: true, note: "Looks right." }, fakeMeta());
    await expect(decide(admin)).rejects.toMatchObject({ code: "self_dealing", status: 403 });
    expect(await testDb.rewardClaim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      status: "OPEN",
      decidedById: null,
    });
    expect((await unsafeGetBalances("DRIVER", admin.id)).nova).toMatchObject({ available: 0n, pending: 0n });
    expect(await refusals("claim.refused", admin.id)).toEqual([
      expect.objectContaining({ targetId: claim.id, metadata: expect.objectContaining({ reason: "self_dealing" }) }),
    ]);

    const colleague = await createUser({ role: "ADMIN" });
    expect(await decide(colleague)).toEqual({ approved: true });
    expect((await unsafeGetBalances("DRIVER", admin.id)).usd.available).toBe(BigInt(config().VERIFY_REWARD_CENTS));
  });

  it("approving a suspended driver's claim is refused and the claim stays open", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const claim = await openClaim(driver.id);
    await suspend(driver.id);
    await expect(
      decideClaim(actorFor(admin), { claimId: claim.id, approve: true, note: "Looks right." }, fakeMeta()),
    ).rejects.toMatchObject({ code: "account_suspended" });
    expect((await testDb.rewardClaim.findUniqueOrThrow({ where: { id: claim.id } })).status).toBe("OPEN");
    expect((await testDb.chargingSession.findFirstOrThrow({ where: { claim: { id: claim.id } } })).status).toBe(
      "UNVERIFIED",
    );
    expect(await unsafeGetBalances("DRIVER", driver.id)).toMatchObject({ nova: { available: 0n, pending: 0n } });
    expect(await refusals("claim.refused", admin.id)).toEqual([
      expect.objectContaining({ metadata: expect.objectContaining({ reason: "account_suspended", approve: true }) }),
    ]);
    // rejecting moves no money, so it is allowed
    await expect(
      decideClaim(actorFor(admin), { claimId: claim.id, approve: false, note: "Suspended account." }, fakeMeta()),
    ).resolves.toEqual({ approved: false });
  });
});

describe("redemptions at one's own merchant", () => {
  it("a merchant member cannot redeem their own shop's offer (their role has driver:use)", async () => {
    const { owner, offer } = await shopWithMember();
    await fund(owner.id, 500);
    await expect(
      redeemOffer(actorFor(owner), { offerId: offer.id, idempotencyKey: key() }, fakeMeta()),
    ).rejects.toMatchObject({
      code: "self_dealing",
      message: "You cannot redeem an offer at a merchant you work for.",
    });
    expect((await unsafeGetBalances("DRIVER", owner.id)).nova).toMatchObject({ available: 500n, held: 0n });
    expect(await testDb.redemptionCode.count({ where: { driverId: owner.id } })).toBe(0);
    expect(await refusals("redemption.refused", owner.id)).toEqual([
      expect.objectContaining({ targetType: "offer", targetId: offer.id }),
    ]);
    // at another merchant the same person is an ordinary customer
    const elsewhere = await shopWithMember();
    await expect(
      redeemOffer(actorFor(owner), { offerId: elsewhere.offer.id, idempotencyKey: key() }, fakeMeta()),
    ).resolves.toMatchObject({ status: "HELD" });
  });

  it("a code redeemed by a member (before they joined, or a colleague) cannot be confirmed at that merchant", async () => {
    const { owner, merchant, offer } = await shopWithMember();
    const staff = await createUser({ role: "MERCHANT" });
    await fund(staff.id, 300);
    const code = await redeemOffer(actorFor(staff), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    await testDb.merchantMember.create({ data: { merchantId: merchant.id, userId: staff.id, role: "STAFF" } });

    for (const who of [staff, owner]) {
      await expect(
        confirmRedemption(actorFor(who), merchant.id, { code: code.code }, fakeMeta()),
      ).rejects.toMatchObject({ code: "self_dealing", status: 403 });
      expect(await refusals("redemption.refused", who.id)).toEqual([
        expect.objectContaining({ targetType: "merchant", targetId: merchant.id }),
      ]);
    }
    expect(await testDb.redemptionCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({
      status: "HELD",
    });
    expect((await unsafeGetBalances("MERCHANT", merchant.id)).nova.available).toBe(0n);
  });

  it("a member cannot take Nova from their own pass or a colleague's at their merchant", async () => {
    const { owner, merchant } = await shopWithMember();
    const staff = await createUser({ role: "MERCHANT" });
    await testDb.merchantMember.create({ data: { merchantId: merchant.id, userId: staff.id, role: "STAFF" } });
    await fund(owner.id, 200);
    await fund(staff.id, 200);
    for (const [who, payer] of [
      [owner, owner],
      [owner, staff],
    ] as const) {
      const spend = await mintSpendToken(actorFor(payer));
      await expect(
        directSpend(
          actorFor(who),
          merchant.id,
          { spendCode: spend.code, amount: 50, idempotencyKey: key() },
          fakeMeta(),
        ),
      ).rejects.toMatchObject({ code: "self_dealing", status: 403 });
    }
    expect((await unsafeGetBalances("DRIVER", owner.id)).nova.available).toBe(200n);
    expect((await unsafeGetBalances("DRIVER", staff.id)).nova.available).toBe(200n);
    expect((await unsafeGetBalances("MERCHANT", merchant.id)).nova.available).toBe(0n);
    expect((await refusals("spend.refused", owner.id)).map((a) => a.targetId)).toEqual([owner.id, staff.id]);
  });
});

describe("credits to a suspended driver", () => {
  it("a reversal that would give a suspended driver their spent Nova back is refused and audited", async () => {
    const { owner, merchant } = await shopWithMember();
    const driver = await createUser();
    await fund(driver.id, 100);
    const spend = await mintSpendToken(actorFor(driver));
    const spent = await directSpend(
      actorFor(owner),
      merchant.id,
      { spendCode: spend.code, amount: 60, idempotencyKey: key() },
      fakeMeta(),
    );
    await suspend(driver.id);
    const admin = await createUser({ role: "ADMIN" });
    await expect(
      reverseTransaction(
        actorFor(admin),
        { transactionId: spent.transactionId, reason: "disputed", idempotencyKey: key() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "account_suspended" });
    expect(await testDb.ledgerTransaction.count({ where: { reversesId: spent.transactionId } })).toBe(0);
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(40n);
    expect(await refusals("reversal.refused", admin.id)).toEqual([
      expect.objectContaining({ targetId: spent.transactionId }),
    ]);
  });

  it("an admin cannot reverse a spend back into their own account", async () => {
    const { owner, merchant } = await shopWithMember();
    const admin = await createUser({ role: "ADMIN" });
    await fund(admin.id, 100);
    const spend = await mintSpendToken(actorFor(admin));
    const spent = await directSpend(
      actorFor(owner),
      merchant.id,
      { spendCode: spend.code, amount: 70, idempotencyKey: key() },
      fakeMeta(),
    );
    await expect(
      reverseTransaction(
        actorFor(admin),
        { transactionId: spent.transactionId, reason: "mine", idempotencyKey: key() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "self_dealing" });
    expect((await unsafeGetBalances("DRIVER", admin.id)).nova.available).toBe(30n);
  });

  it("a session verified after the driver was suspended pays nothing; the pending reward goes back", async () => {
    const driver = await createUser();
    const state = await signConnectState(config().NEXTAUTH_SECRET, driver.id);
    await completeVehicleConnect(actorFor(driver), { code: `sandbox-${uid()}`, state }, fakeMeta());
    const charger = await testDb.charger.create({
      data: {
        externalId: `c-${uid()}`,
        name: "Suspended Plaza",
        address: "1 Test St",
        latitude: 30.3029,
        longitude: -97.7062,
        isPartner: true,
        radiusMeters: 150,
      },
    });
    const session = await checkIn(actorFor(driver), { chargerId: charger.id }, fakeMeta());
    const start = Date.now() - 15 * 60_000;
    await testDb.chargingSession.update({ where: { id: session.id }, data: { startedAt: new Date(start - 30_000) } });
    await testDb.locationPing.createMany({
      data: Array.from({ length: 16 }, (_, i) => ({
        sessionId: session.id,
        latitude: charger.latitude + 0.0001,
        longitude: charger.longitude,
        accuracyMeters: 12,
        recordedAt: new Date(start + i * 60_000),
      })),
    });
    expect((await checkOut(actorFor(driver), session.id, fakeMeta())).status).toBe("PENDING_WITNESS");
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.pending).toBeGreaterThan(0n);

    await suspend(driver.id);
    expect(await JOBS["verify-session"]({ sessionId: session.id })).toMatchObject({ status: "VERIFIED" });
    expect(await unsafeGetBalances("DRIVER", driver.id)).toEqual({
      nova: { available: 0n, held: 0n, pending: 0n },
      usd: { available: 0n, pending: 0n },
    });
    expect(
      await testDb.auditLog.findFirst({ where: { action: "reward.refused", targetId: session.id } }),
    ).toMatchObject({
      metadata: { reason: "account_suspended", driverId: driver.id },
    });
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });
});
