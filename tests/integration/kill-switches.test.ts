import { afterAll, afterEach, describe, expect, it } from "vitest";
import { consumeMagicLink, signUpWithPassword } from "@/lib/auth";
import { decideClaim, fileClaim } from "@/lib/charging";
import { FLAGS, listFlags, setFlag, type FlagKey } from "@/lib/flags";
import { redeemOffer } from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { unsafeSyncWalletPasses } from "@/lib/wallet";
import { asAdmin, asDriver, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";
import {
  chargingSession,
  driverWithPhone,
  keepLedgerSound,
  phoneIn,
  purchaseMerchant,
  settle,
  squareOrder,
  topUp,
} from "../support/purchases";

// Every kill switch: off → the path it gates is refused with its own sentence (or, for a
// background path, skipped and kept); on → the same call works. Payouts' switch is proved in
// payouts-flow.test.ts ("cash-out is refused while PAYOUTS_ENABLED is off").

keepLedgerSound();
afterAll(() => testDb.$disconnect());

let admin: { id: string };
const flip = async (key: FlagKey, enabled: boolean) => {
  admin ??= await createUser({ role: "ADMIN" });
  await setFlag(asAdmin(admin.id), key, enabled, fakeMeta());
};
afterEach(async () => {
  for (const key of Object.keys(FLAGS) as FlagKey[]) await flip(key, true);
});
const key = () => `k-${uid()}-${uid()}-${uid()}`;
const refusedWith = (code: string, message: RegExp) =>
  expect.objectContaining({ code, message: expect.stringMatching(message) });

describe("the flags list", () => {
  it("has every operator switch, each saying what it gates and what turning it off does", async () => {
    const flags = await listFlags(asAdmin((await createUser({ role: "ADMIN" })).id));
    expect(flags.map((f) => f.key).sort()).toEqual(
      [
        "CHARGING_REWARDS_ENABLED",
        "NOVA_GRANTS_ENABLED",
        "PAYOUTS_ENABLED",
        "PURCHASE_REWARDS_ENABLED",
        "REDEMPTIONS_ENABLED",
        "SIGN_UPS_ENABLED",
        "WALLET_SYNC_ENABLED",
      ].sort(),
    );
    for (const f of flags) expect(f.description.length && f.offMeans.length).toBeGreaterThan(20);
  });

  it("audits a change with the value before it", async () => {
    await flip("WALLET_SYNC_ENABLED", false);
    const entry = await testDb.auditLog.findFirstOrThrow({
      where: { action: "admin.flag_changed", targetId: "WALLET_SYNC_ENABLED" },
      orderBy: { id: "desc" },
    });
    expect(entry).toMatchObject({ actorId: admin.id, metadata: { enabled: false, was: true } });
  });
});

describe("SIGN_UPS_ENABLED", () => {
  const signUp = () =>
    signUpWithPassword(
      { name: "New Driver", email: `new-${uid()}@test.local`, password: "a long pass phrase 42" },
      fakeMeta(),
    );
  it("off: password sign-up and a first email-link sign-in are refused; existing accounts still pass the gate", async () => {
    await flip("SIGN_UPS_ENABLED", false);
    await expect(signUp()).rejects.toEqual(refusedWith("signups_disabled", /sign-ups are paused/));
    const token = "x".repeat(40);
    await expect(consumeMagicLink({ email: `nobody-${uid()}@test.local`, token }, fakeMeta())).rejects.toEqual(
      refusedWith("signups_disabled", /paused/),
    );
    const known = await createUser();
    // a known address is not a sign-up: it reaches the link check itself
    await expect(consumeMagicLink({ email: known.email!, token }, fakeMeta())).rejects.toMatchObject({
      code: "invalid_link",
    });
  });
  it("on: sign-up works", async () => {
    await expect(signUp()).resolves.toMatchObject({ role: "DRIVER" });
  });
});

describe("CHARGING_REWARDS_ENABLED", () => {
  async function openClaim() {
    const driver = await createUser();
    const charger = await testDb.charger.create({
      data: { externalId: `ks-${uid()}`, name: "Switch Plaza", address: "1 Test St", latitude: 1, longitude: 1 },
    });
    const session = await testDb.chargingSession.create({
      data: {
        driverId: driver.id,
        chargerId: charger.id,
        status: "UNVERIFIED",
        startedAt: new Date(Date.now() - 3_600_000),
        endedAt: new Date(),
      },
    });
    return fileClaim(asDriver(driver.id), { sessionId: session.id, note: "My phone died while charging." }, fakeMeta());
  }
  it("off: an admin cannot pay a session on a claim; on: the same claim is approved", async () => {
    const claim = await openClaim();
    const decide = async () =>
      decideClaim(asAdmin(admin.id), { claimId: claim.id, approve: true, note: "Looks right" }, fakeMeta());
    await flip("CHARGING_REWARDS_ENABLED", false);
    await expect(decide()).rejects.toEqual(refusedWith("charging_rewards_disabled", /Charging rewards are paused/));
    await flip("CHARGING_REWARDS_ENABLED", true);
    await expect(decide()).resolves.toMatchObject({ approved: true });
  });
});

describe("PURCHASE_REWARDS_ENABLED", () => {
  async function purchase() {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const phone = phoneIn("512");
    const driver = await driverWithPhone(phone);
    await chargingSession(driver.id, m.charger.id);
    return squareOrder(m, { phone });
  }
  it("off: a matching order is kept but not rewarded; on: it is paid", async () => {
    await flip("PURCHASE_REWARDS_ENABLED", false);
    expect(await settle((await purchase()).id)).toEqual({ status: "UNMATCHED" });
    await flip("PURCHASE_REWARDS_ENABLED", true);
    expect(await settle((await purchase()).id)).toEqual({ status: "PENDING" });
  });
});

describe("WALLET_SYNC_ENABLED", () => {
  it("off: the sync job is paused and keeps the change; on: it drains it", async () => {
    const driver = await createUser();
    await flip("NOVA_GRANTS_ENABLED", true);
    await grantNova(
      asAdmin(admin.id),
      { driverId: driver.id, amount: 10, reason: "switch test", idempotencyKey: key() },
      fakeMeta(),
    );
    const waiting = () => testDb.driverBalanceChange.count({ where: { driverId: driver.id } });
    expect(await waiting()).toBe(1);
    await flip("WALLET_SYNC_ENABLED", false);
    expect(await unsafeSyncWalletPasses()).toMatchObject({ synced: 0, paused: true });
    expect(await waiting()).toBe(1);
    await flip("WALLET_SYNC_ENABLED", true);
    for (let i = 0; i < 20 && (await waiting()) > 0; i++)
      expect((await unsafeSyncWalletPasses()).paused).toBeUndefined();
    expect(await waiting()).toBe(0);
  });
});

describe("NOVA_GRANTS_ENABLED and REDEMPTIONS_ENABLED", () => {
  it("off: a grant is refused; on: it is posted", async () => {
    const driver = await createUser();
    const grant = () =>
      grantNova(
        asAdmin(admin.id),
        { driverId: driver.id, amount: 5, reason: "switch test", idempotencyKey: key() },
        fakeMeta(),
      );
    await flip("NOVA_GRANTS_ENABLED", false);
    await expect(grant()).rejects.toEqual(refusedWith("grants_disabled", /switched off/));
    await flip("NOVA_GRANTS_ENABLED", true);
    await expect(grant()).resolves.toMatchObject({ transactionId: expect.any(String) });
  });

  it("off: a driver cannot redeem an offer; on: a code is issued", async () => {
    const driver = await createUser();
    await grantNova(
      asAdmin(admin.id),
      { driverId: driver.id, amount: 500, reason: "switch test", idempotencyKey: key() },
      fakeMeta(),
    );
    const shop = await createMerchant((await createUser({ role: "MERCHANT" })).id);
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: shop.id } });
    const redeem = () => redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    await flip("REDEMPTIONS_ENABLED", false);
    await expect(redeem()).rejects.toEqual(refusedWith("redemptions_disabled", /paused/));
    await flip("REDEMPTIONS_ENABLED", true);
    await expect(redeem()).resolves.toMatchObject({ code: expect.any(String) });
  });
});
