import { afterAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { Prisma } from "@/lib/db";
import { accounts, checkLedger, HOT_SHARDS, postNow, postNowWith, unsafeGetBalances } from "@/lib/ledger";
import { redeemOffer } from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { asAdmin, asDriver, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";

// The posting as one statement (ledger_post): what it decides in the database — recipients,
// caps, the audit row, replays — leaves nothing behind when it refuses, and the hot platform
// accounts spread over shards still add up.

afterAll(() => testDb.$disconnect());

const key = () => `k-${uid()}-${uid()}`;
const grant = (adminId: string, driverId: string, amount: number, idempotencyKey = key()) =>
  grantNova(asAdmin(adminId), { driverId, amount, reason: "function test", idempotencyKey }, fakeMeta());
const grantsAudited = (driverId: string) =>
  testDb.auditLog.count({ where: { action: "nova.granted", targetId: driverId } });
const txByKey = (adminId: string, k: string) =>
  testDb.ledgerTransaction.findUnique({ where: { idempotencyKey: `grant:${adminId}:${k}` } });

describe("ledger_post", () => {
  it("a grant writes the posting, its audit row and the cap in one go; a replay writes none of it again", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const k = key();
    const first = await grant(admin.id, driver.id, 40, k);
    const again = await grant(admin.id, driver.id, 40, k);
    expect(again).toEqual({ transactionId: first.transactionId, replayed: true });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(40n);
    expect(await grantsAudited(driver.id)).toBe(1);
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "nova.granted", targetId: driver.id } });
    expect(audit).toMatchObject({ actorId: admin.id, metadata: { amount: 40, transactionId: first.transactionId } });
    const counter = await testDb.usageCounter.findFirstOrThrow({
      where: { key: { startsWith: `grant:driver:${driver.id}:` } },
    });
    expect(counter.used).toBe(40n);
  });

  it("a suspended driver is refused and nothing of the grant remains; the refusal is audited", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    await testDb.user.update({ where: { id: driver.id }, data: { status: "SUSPENDED" } });
    const k = key();
    await expect(grant(admin.id, driver.id, 10, k)).rejects.toMatchObject({ code: "account_suspended" });
    expect(await txByKey(admin.id, k)).toBeNull();
    expect(await grantsAudited(driver.id)).toBe(0);
    expect(await testDb.auditLog.count({ where: { action: "grant.refused", targetId: driver.id } })).toBe(1);
    expect(await testDb.ledgerAccount.count({ where: { ownerId: driver.id } })).toBe(0);
    expect(await testDb.usageCounter.count({ where: { key: { startsWith: `grant:driver:${driver.id}:` } } })).toBe(0);
  });

  it("a driver that does not exist is a 404, and no account is opened for the id", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const ghost = `ghost-${uid()}`;
    await expect(grant(admin.id, ghost, 10)).rejects.toMatchObject({ status: 404, code: "not_found" });
    expect(await testDb.ledgerAccount.count({ where: { ownerId: ghost } })).toBe(0);
  });

  it("a kill switch is read by the posting's own statement: its stored value, else the caller's default", async () => {
    const driver = await createUser();
    const switchKey = `TEST_SWITCH_${uid()}`;
    const refusal = () => Object.assign(new Error("switched off"), { code: "test_switch_off" });
    const give = (k: string, fallback: boolean) =>
      postNow({
        idempotencyKey: `switch:${k}`,
        type: "GRANT",
        reason: "switch test",
        request: { driverId: driver.id },
        lines: [
          { account: accounts.novaIssuance(), amount: -3n },
          { account: accounts.driverNova(driver.id), amount: 3n },
        ],
        killSwitch: { key: switchKey, fallback, refusal },
      });
    const written = (k: string) => testDb.ledgerTransaction.findUnique({ where: { idempotencyKey: `switch:${k}` } });
    // no row: the default decides
    const k1 = key();
    await expect(give(k1, false)).rejects.toMatchObject({ code: "test_switch_off" });
    expect(await written(k1)).toBeNull();
    const k2 = key();
    await expect(give(k2, true)).resolves.toMatchObject({ replayed: false });
    // a stored row overrides the default either way; off refuses a replay of a posted key too
    await testDb.featureFlag.create({ data: { key: switchKey, enabled: false, description: "test" } });
    await expect(give(k2, true)).rejects.toMatchObject({ code: "test_switch_off" });
    await testDb.featureFlag.update({ where: { key: switchKey }, data: { enabled: true } });
    await expect(give(k2, false)).resolves.toMatchObject({ replayed: true });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(3n);
    await testDb.featureFlag.delete({ where: { key: switchKey } });
  });

  it("over the daily cap is refused with the caller's sentence and leaves the earlier grants alone", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const { NOVA_GRANT_DAILY_CAP: cap, NOVA_GRANT_MAX: max } = config();
    for (let left = cap; left > 0; left -= Math.min(left, max)) await grant(admin.id, driver.id, Math.min(left, max));
    const k = key();
    await expect(grant(admin.id, driver.id, 1, k)).rejects.toMatchObject({
      code: "daily_cap",
      message: expect.stringContaining("today's grant cap"),
    });
    expect(await txByKey(admin.id, k)).toBeNull();
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.available).toBe(BigInt(cap));
  });

  it("an offer's per-driver limit is spent with the hold, and the refusal rolls the hold back", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const merchant = await createMerchant((await createUser({ role: "MERCHANT" })).id);
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
    await testDb.offer.update({ where: { id: offer.id }, data: { perDriverLimit: 1 } });
    await grant(admin.id, driver.id, offer.novaPrice * 3);
    const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    expect(await testDb.auditLog.count({ where: { action: "redemption.held", targetId: code.id } })).toBe(1);
    await expect(
      redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta()),
    ).rejects.toMatchObject({ code: "offer_limit", message: "You can redeem this offer once." });
    expect(await unsafeGetBalances("DRIVER", driver.id)).toMatchObject({
      nova: { available: BigInt(offer.novaPrice * 2), held: BigInt(offer.novaPrice) },
    });
  });

  it("grants spread platform issuance over its shards, which add up to what was issued", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const drivers = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    const { ownerType, ownerId, kind, currency } = accounts.novaIssuance();
    const issued = async () =>
      (await testDb.ledgerAccount.findMany({ where: { ownerType, ownerId, kind, currency } })).reduce(
        (sum, s) => sum - s.balance,
        0n,
      );
    const before = await issued();
    await Promise.all(Array.from({ length: 40 }, (_, i) => grant(admin.id, drivers[i % 4].id, 3)));
    expect((await issued()) - before).toBe(120n);
    const shards = await testDb.ledgerAccount.findMany({ where: { ownerType, ownerId, kind, currency } });
    expect(shards.length).toBeGreaterThan(4);
    expect(shards.every((s) => s.shard >= 0 && s.shard < HOT_SHARDS && s.allowNegative)).toBe(true);
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });

  it("the database refuses a second row of an account that must stay at or above zero", async () => {
    const driver = `drv-${uid()}`;
    await expect(
      testDb.$executeRaw`INSERT INTO "LedgerAccount" ("id", "ownerType", "ownerId", "kind", "currency", "shard")
        VALUES (${`acc-${uid()}`}, 'DRIVER', ${driver}, 'AVAILABLE', 'NOVA', 3)`,
    ).rejects.toThrow(/LedgerAccount_shard_check/);
  });

  it("a row written with the posting (a redemption's code) commits with it, and fails with it", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const merchant = await createMerchant((await createUser({ role: "MERCHANT" })).id);
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
    await grant(admin.id, driver.id, 30);
    const hold = (k: string, code: string) =>
      postNowWith<{ id: string }>(
        {
          idempotencyKey: `follow:${k}`,
          type: "REDEMPTION_HOLD",
          reason: "follow test",
          request: { offerId: offer.id },
          lines: [
            { account: accounts.driverNova(driver.id), amount: -10n },
            { account: accounts.driverHeldNova(driver.id), amount: 10n },
          ],
        },
        Prisma.sql`INSERT INTO "RedemptionCode" ("id", "code", "offerId", "driverId", "novaAmount", "expiresAt", "holdTxId")
          SELECT ${`rc-${uid()}`}, ${code}, ${offer.id}, ${driver.id}, 10, now() + interval '15 minutes', posted."transactionId"
          FROM posted WHERE posted."outcome" = 'posted' RETURNING "id"`,
      );
    const k = key();
    const code = `T${uid()}`.slice(0, 12);
    const first = await hold(k, code);
    expect(first.followed).toEqual({ id: expect.stringMatching(/^rc-/) });
    // a replay posts nothing and writes no second row
    expect(await hold(k, `T${uid()}`.slice(0, 12))).toMatchObject({ replayed: true, followed: null });
    expect(await testDb.redemptionCode.count({ where: { holdTxId: first.transactionId } })).toBe(1);
    // the row refused (a code already taken): the posting is gone with it
    const k2 = key();
    await expect(hold(k2, code)).rejects.toThrow();
    expect(await testDb.ledgerTransaction.findUnique({ where: { idempotencyKey: `follow:${k2}` } })).toBeNull();
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toMatchObject({ available: 20n, held: 10n });
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });
});
