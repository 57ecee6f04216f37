import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accounts,
  checkLedger,
  postInTx,
  reverseInTx,
  runMoneyTx,
  unsafeGetBalances,
  unsafeListStatement,
  type LedgerViolation,
} from "@/lib/ledger";
import { redeemOffer, unsafeReleaseRedemption } from "@/lib/merchants";
import {
  unsafeExpireDriverNova,
  unsafeNextNovaExpiry,
  unsafeRunNovaExpiry,
  unsafeSendExpiryReminder,
} from "@/lib/nova-expiry";
import { asDriver, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { backdate, closeConnections, newViolations } from "../support/ledger";

let baseline: LedgerViolation[] = [];
beforeAll(async () => {
  baseline = (await checkLedger(testDb)).violations;
});
afterAll(async () => {
  expect(await newViolations(baseline)).toEqual([]);
  await closeConnections();
});

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);

/** Posts a movement through the ledger, then moves it back in time (the test's time travel). */
async function postAt(
  when: string,
  lines: { account: ReturnType<typeof accounts.driverNova>; amount: bigint }[],
  type: "GRANT" | "DIRECT_SPEND",
) {
  const { transactionId } = await runMoneyTx((tx) =>
    postInTx(tx, { idempotencyKey: `t-${uid()}${uid()}`, type, reason: type, request: { n: uid() }, lines }),
  );
  await backdate(transactionId, at(when));
  return transactionId;
}
const earn = (driverId: string, amount: number, when: string) =>
  postAt(
    when,
    [
      { account: accounts.novaIssuance(), amount: -BigInt(amount) },
      { account: accounts.driverNova(driverId), amount: BigInt(amount) },
    ],
    "GRANT",
  );
async function spend(driverId: string, amount: number, when: string) {
  const shop = await createMerchant();
  return postAt(
    when,
    [
      { account: accounts.driverNova(driverId), amount: -BigInt(amount) },
      { account: accounts.merchantNova(shop.id), amount: BigInt(amount) },
    ],
    "DIRECT_SPEND",
  );
}
const available = async (driverId: string) => (await unsafeGetBalances("DRIVER", driverId)).nova.available;
const expiries = (driverId: string) =>
  testDb.ledgerTransaction.findMany({
    where: { type: "NOVA_EXPIRY", entries: { some: { account: { ownerId: driverId } } } },
    select: { id: true, reason: true, entries: { select: { amount: true, account: { select: { ownerType: true } } } } },
  });
const expiredNova = async (driverId: string) =>
  (await expiries(driverId))
    .flatMap((t) => t.entries)
    .filter((e) => e.account.ownerType === "DRIVER")
    .reduce((s, e) => s - e.amount, 0n);

describe("expiry posts what is left of the oldest Nova, first in first out", () => {
  it("earn 100 in Jan, 100 in Jun, spend 150 in Jul: nothing of January's lot is left, 50 of June's expire", async () => {
    const driver = await createUser();
    await earn(driver.id, 100, "2025-01-10");
    await earn(driver.id, 100, "2025-06-10");
    await spend(driver.id, 150, "2025-07-10");

    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-10"))).toEqual({ status: "nothing-due" });
    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-11"))).toEqual({ status: "nothing-due" });
    expect(await unsafeNextNovaExpiry(driver.id, at("2026-01-11"))).toEqual({
      expiresOn: at("2026-06-11T00:00:00Z"),
      amount: 50n,
    });
    expect(await unsafeExpireDriverNova(driver.id, at("2026-06-10"))).toEqual({ status: "nothing-due" });
    expect(await unsafeExpireDriverNova(driver.id, at("2026-06-11"))).toMatchObject({ status: "expired", amount: 50n });
    expect(await available(driver.id)).toBe(0n);

    const [line] = await unsafeListStatement("DRIVER", driver.id, 1);
    expect(line).toMatchObject({
      type: "NOVA_EXPIRY",
      amount: -50n,
      state: "expired",
      reason: "50 Nova earned before 11 Jun 2025 expired after 12 months without activity",
    });
    expect(await unsafeNextNovaExpiry(driver.id, at("2026-06-12"))).toBeNull();
  });

  it("a newer credit is not touched: only the lots before the cutoff expire", async () => {
    const driver = await createUser();
    await earn(driver.id, 100, "2025-01-10");
    await spend(driver.id, 30, "2025-02-01");
    await earn(driver.id, 200, "2025-09-01");
    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-11"))).toMatchObject({ status: "expired", amount: 70n });
    expect(await available(driver.id)).toBe(200n);
    expect(await unsafeNextNovaExpiry(driver.id, at("2026-01-11"))).toEqual({
      expiresOn: at("2026-09-02T00:00:00Z"),
      amount: 200n,
    });
  });

  it("a reversed credit never counted: reversing a newer reward does not eat the older lot", async () => {
    const driver = await createUser();
    await earn(driver.id, 100, "2025-01-10");
    const later = await earn(driver.id, 50, "2025-06-01");
    const reversal = await runMoneyTx((tx) =>
      reverseInTx(tx, {
        transactionId: later,
        idempotencyKey: `rev-${uid()}`,
        reason: "forfeited",
        actorId: null,
        request: {},
      }),
    );
    await backdate(reversal.transactionId, at("2025-06-02"));
    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-11"))).toMatchObject({
      status: "expired",
      amount: 100n,
    });
    expect(await available(driver.id)).toBe(0n);
  });

  it("Nova held for a code stay with the code; given back, they expire on the next day's run", async () => {
    const driver = await createUser();
    const shop = await createMerchant();
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: shop.id } });
    await earn(driver.id, 150, "2025-01-10");
    const code = await redeemOffer(
      asDriver(driver.id),
      { offerId: offer.id, idempotencyKey: `k-${uid()}${uid()}${uid()}` },
      fakeMeta(),
    );
    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-11"))).toMatchObject({ status: "expired", amount: 50n });
    expect(await unsafeGetBalances("DRIVER", driver.id)).toMatchObject({ nova: { available: 0n, held: 100n } });

    expect(await unsafeReleaseRedemption({ codeId: code.id, expired: false, driverId: driver.id })).toBe(true);
    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-11T18:00:00Z"))).toEqual({ status: "already" });
    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-12"))).toMatchObject({
      status: "expired",
      amount: 100n,
    });
    expect(await unsafeGetBalances("DRIVER", driver.id)).toMatchObject({ nova: { available: 0n, held: 0n } });
    expect(await expiredNova(driver.id)).toBe(150n);
  });
});

describe("an active driver keeps their Nova", () => {
  async function confirmedRedemption(driverId: string, when: string) {
    const shop = await createMerchant();
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: shop.id } });
    await testDb.redemptionCode.create({
      data: {
        code: `C${uid()}${uid()}`.slice(0, 12).toUpperCase(),
        offerId: offer.id,
        driverId,
        novaAmount: 10,
        status: "CONFIRMED",
        expiresAt: at(when),
        holdTxId: `hold-${uid()}`,
        settleTxId: `settle-${uid()}`,
        settledAt: at(when),
      },
    });
  }

  it("a confirmed redemption within the period pushes every expiry to last activity + 12 months", async () => {
    const driver = await createUser();
    await earn(driver.id, 100, "2025-01-10");
    await earn(driver.id, 40, "2025-05-10");
    await confirmedRedemption(driver.id, "2025-12-01");

    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-11"))).toEqual({ status: "active" });
    expect(await unsafeExpireDriverNova(driver.id, at("2026-12-01"))).toEqual({ status: "active" });
    expect(await unsafeNextNovaExpiry(driver.id, at("2026-01-11"))).toEqual({
      expiresOn: at("2026-12-02T00:00:00Z"),
      amount: 140n,
    });
    expect(await available(driver.id)).toBe(140n);
    // a year after the last activity, everything earned before it goes
    expect(await unsafeExpireDriverNova(driver.id, at("2026-12-02"))).toMatchObject({
      status: "expired",
      amount: 140n,
    });
  });

  it("so does a verified charging session; an unverified one does not", async () => {
    const driver = await createUser();
    await earn(driver.id, 100, "2025-01-10");
    const charger = await testDb.charger.create({
      data: { externalId: `c-${uid()}`, name: "Test charger", address: "1 Test St", latitude: 31, longitude: -99 },
    });
    const session = (status: "VERIFIED" | "UNVERIFIED", when: string) =>
      testDb.chargingSession.create({
        data: {
          driverId: driver.id,
          chargerId: charger.id,
          status,
          startedAt: at(when),
          endedAt: at(when),
          verifiedAt: status === "VERIFIED" ? at(when) : null,
        },
      });
    await session("UNVERIFIED", "2025-11-01");
    expect(await unsafeNextNovaExpiry(driver.id, at("2025-12-01"))).toEqual({
      expiresOn: at("2026-01-11T00:00:00Z"),
      amount: 100n,
    });
    await session("VERIFIED", "2025-12-05");
    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-11"))).toEqual({ status: "active" });
    expect(await unsafeNextNovaExpiry(driver.id, at("2026-01-11"))).toEqual({
      expiresOn: at("2026-12-06T00:00:00Z"),
      amount: 100n,
    });
  });

  it("activity after `now` does not count (the clock is the caller's)", async () => {
    const driver = await createUser();
    await earn(driver.id, 100, "2025-01-10");
    await confirmedRedemption(driver.id, "2026-03-01");
    expect(await unsafeExpireDriverNova(driver.id, at("2026-01-11"))).toMatchObject({
      status: "expired",
      amount: 100n,
    });
  });
});

describe("the reminder", () => {
  it("is emailed once, NOVA_EXPIRY_REMINDER_DAYS ahead, however often the job runs", async () => {
    const driver = await createUser();
    await earn(driver.id, 120, "2025-01-14");
    expect(await unsafeSendExpiryReminder(driver.id, at("2025-12-14"))).toBe("not yet");
    expect(await unsafeSendExpiryReminder(driver.id, at("2025-12-16"))).toBe("sent");
    expect(await unsafeSendExpiryReminder(driver.id, at("2025-12-16"))).toBe("already reminded");
    await Promise.all(Array.from({ length: 5 }, () => unsafeSendExpiryReminder(driver.id, at("2025-12-20"))));
    const mail = await testDb.outboxMessage.findMany({ where: { to: driver.email! } });
    expect(mail.map((m) => m.subject)).toEqual(["120 Nova expiring on 15 Jan 2026"]);
    expect(mail[0].body).toMatch(/verified charging session or a redeemed offer before then/);
    expect(mail[0].link).toMatch(/\/app\/wallet$/);
  });

  it("a new expiry date (the driver spent, then earned nothing new) gets its own reminder", async () => {
    const driver = await createUser();
    await earn(driver.id, 100, "2025-01-10");
    await earn(driver.id, 100, "2025-03-10");
    await spend(driver.id, 100, "2025-04-01");
    expect(await unsafeSendExpiryReminder(driver.id, at("2025-12-20"))).toBe("not yet");
    expect(await unsafeSendExpiryReminder(driver.id, at("2026-02-10"))).toBe("sent");
    const mail = await testDb.outboxMessage.findMany({ where: { to: driver.email! } });
    expect(mail.map((m) => m.subject)).toEqual(["100 Nova expiring on 11 Mar 2026"]);
  });
});

describe("the daily job", () => {
  it("re-runs and concurrent runs post each expiry once and remind once", async () => {
    const drivers = await Promise.all(Array.from({ length: 3 }, () => createUser()));
    for (const d of drivers) await earn(d.id, 80, "2025-01-10");
    const soon = await createUser();
    await earn(soon.id, 60, "2025-02-01");

    const now = at("2026-01-11T00:15:00Z");
    const runs = await Promise.all([unsafeRunNovaExpiry(now), unsafeRunNovaExpiry(now), unsafeRunNovaExpiry(now)]);
    await unsafeRunNovaExpiry(now);
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    for (const d of drivers) {
      expect((await expiries(d.id)).length).toBe(1);
      expect(await available(d.id)).toBe(0n);
    }
    expect(await available(soon.id)).toBe(60n);
    expect((await testDb.outboxMessage.findMany({ where: { to: soon.email! } })).map((m) => m.subject)).toEqual([
      "60 Nova expiring on 2 Feb 2026",
    ]);
  });

  it("an expiry racing spends: the amount is worked out under the lock, never below zero", async () => {
    const driver = await createUser();
    await earn(driver.id, 100, "2025-01-10");
    const shop = await createMerchant();
    const spends = Array.from({ length: 4 }, () =>
      runMoneyTx((tx) =>
        postInTx(tx, {
          idempotencyKey: `s-${uid()}${uid()}`,
          type: "DIRECT_SPEND",
          reason: "coffee",
          request: { n: uid() },
          lines: [
            { account: accounts.driverNova(driver.id), amount: -30n },
            { account: accounts.merchantNova(shop.id), amount: 30n },
          ],
        }),
      ).then(
        () => 30n,
        () => 0n,
      ),
    );
    const expiring = Array.from({ length: 4 }, () => unsafeExpireDriverNova(driver.id, at("2026-01-11")));
    const [spent, outcomes] = await Promise.all([Promise.all(spends), Promise.all(expiring)]);
    const totalSpent = spent.reduce((a, b) => a + b, 0n);
    // whichever expiry takes the lock first takes what the spends before it left; the rest find it done
    expect(outcomes.filter((o) => o.status === "expired").length).toBe(1);
    expect((await expiries(driver.id)).length).toBe(1);
    expect(await available(driver.id)).toBe(0n);
    expect(totalSpent + (await expiredNova(driver.id))).toBe(100n);
  });
});
