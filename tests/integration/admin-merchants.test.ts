import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { findNearby, listLiveOffers, nearbyQuery } from "@/lib/discovery";
import {
  changeMerchantStatus,
  confirmRedemption,
  directSpend,
  getMerchantDetail,
  listMerchants,
  mintSpendToken,
  redeemOffer,
} from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { actAs, refusedWith, run } from "../support/actions";
import { asAdmin, asDriver, asMerchant, createUser, fakeMeta, signedIn, testDb, uid } from "../support/factories";
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

// Merchants in the admin console: the four transitions (each from one status, with a reason,
// audited), refusals for every other move, wrong role 403 and unknown id 404 — and the effect of
// a suspension everywhere a driver meets the merchant: offers list, map, redemption, confirmation,
// spend codes and purchase rewards.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { changeMerchantStatusAction } = await import("@/lib/actions/admin/change-merchant-status");

keepLedgerSound();
afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const key = () => `k-${uid()}-${uid()}-${uid()}`;
const REASON = "Checked the business licence";
let admin: { id: string };
const asTheAdmin = async () => asAdmin((admin ??= await createUser({ role: "ADMIN" })).id);
const move = async (merchantId: string, transition: "approve" | "reject" | "suspend" | "reinstate") =>
  changeMerchantStatus(await asTheAdmin(), { merchantId, transition, reason: REASON }, fakeMeta());
const statusOf = async (id: string) => (await testDb.merchant.findUniqueOrThrow({ where: { id } })).status;

describe("transitions", () => {
  it("approve, suspend, reinstate and reject each move from one status, with the reason audited", async () => {
    const { merchant } = await purchaseMerchant();
    await testDb.merchant.update({ where: { id: merchant.id }, data: { status: "PENDING" } });
    await move(merchant.id, "approve");
    expect(await statusOf(merchant.id)).toBe("ACTIVE");
    await move(merchant.id, "suspend");
    expect(await statusOf(merchant.id)).toBe("SUSPENDED");
    await move(merchant.id, "reinstate");
    expect(await statusOf(merchant.id)).toBe("ACTIVE");
    const audit = await testDb.auditLog.findMany({
      where: { targetType: "merchant", targetId: merchant.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorId, a.metadata])).toEqual([
      ["merchant.approve", admin.id, { reason: REASON, from: "PENDING", to: "ACTIVE" }],
      ["merchant.suspend", admin.id, { reason: REASON, from: "ACTIVE", to: "SUSPENDED" }],
      ["merchant.reinstate", admin.id, { reason: REASON, from: "SUSPENDED", to: "ACTIVE" }],
    ]);
    const pending = (await purchaseMerchant()).merchant;
    await testDb.merchant.update({ where: { id: pending.id }, data: { status: "PENDING" } });
    await move(pending.id, "reject");
    expect(await testDb.merchant.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "REJECTED",
      statusReason: REASON,
    });
  });

  it("refuses every move not allowed from the current status, changing and auditing nothing", async () => {
    const { merchant } = await purchaseMerchant(); // ACTIVE
    await expect(move(merchant.id, "reinstate")).rejects.toMatchObject({
      code: "merchant_transition",
      message: expect.stringMatching(/cannot be reinstated: it is active/),
    });
    await expect(move(merchant.id, "approve")).rejects.toMatchObject({ code: "merchant_not_pending" });
    await expect(move(merchant.id, "reject")).rejects.toMatchObject({ code: "merchant_not_pending" });
    await move(merchant.id, "suspend");
    await expect(move(merchant.id, "suspend")).rejects.toMatchObject({ code: "merchant_transition" });
    expect(await statusOf(merchant.id)).toBe("SUSPENDED");
    expect(await testDb.auditLog.count({ where: { targetId: merchant.id } })).toBe(1);
  });

  it("two admins suspending at once: exactly one change", async () => {
    const { merchant } = await purchaseMerchant();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => move(merchant.id, "suspend")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb.auditLog.count({ where: { targetId: merchant.id, action: "merchant.suspend" } })).toBe(1);
  });
});

describe("the action", () => {
  it("needs a reason, refuses a driver and a merchant (403), and an unknown id is not found (404)", async () => {
    const { merchant, owner } = await purchaseMerchant();
    const fields = { merchantId: merchant.id, transition: "suspend", reason: REASON };
    actAs((await signedIn((await asTheAdmin()).userId)).sessionToken);
    expect(await run(changeMerchantStatusAction, { ...fields, reason: " " })).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { reason: expect.stringMatching(/reason/) } },
    });
    expect(await run(changeMerchantStatusAction, { ...fields, transition: "delete" })).toEqual(
      refusedWith("invalid_input"),
    );
    expect(await run(changeMerchantStatusAction, { ...fields, merchantId: `nope-${uid()}` })).toEqual(
      refusedWith("not_found"),
    );
    for (const user of [await createUser(), owner]) {
      actAs((await signedIn(user.id)).sessionToken);
      expect(await run(changeMerchantStatusAction, fields)).toEqual(refusedWith("forbidden"));
    }
    await expect(
      changeMerchantStatus(asMerchant(owner.id), { ...fields, transition: "suspend" }, fakeMeta()),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await statusOf(merchant.id)).toBe("ACTIVE");
    actAs((await signedIn(admin.id)).sessionToken);
    expect(await run(changeMerchantStatusAction, fields)).toMatchObject({ ok: true, data: { status: "SUSPENDED" } });
  });

  it("the merchant page's data: admin only, unknown id → not found", async () => {
    const { merchant } = await purchaseMerchant();
    await topUp(merchant.id, 1234);
    const detail = await getMerchantDetail(await asTheAdmin(), merchant.id);
    expect(detail).toMatchObject({ id: merchant.id, prepaidCents: 1234, square: null });
    expect(detail.offers).toHaveLength(1);
    expect(detail.members.map((m) => m.role)).toEqual(["OWNER"]);
    await expect(getMerchantDetail(await asTheAdmin(), `nope-${uid()}`)).rejects.toMatchObject({ code: "not_found" });
    await expect(getMerchantDetail(asDriver((await createUser()).id), merchant.id)).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

describe("search", () => {
  it("finds by name or a team member's email, filters by status, and pages", async () => {
    const tag = uid();
    const { merchant, owner } = await purchaseMerchant(`Searchable Bakery ${tag}`);
    const byName = await listMerchants(await asTheAdmin(), { q: `bakery ${tag.toUpperCase()}` });
    expect(byName.rows.map((r) => r.id)).toEqual([merchant.id]);
    const byEmail = await listMerchants(await asTheAdmin(), { q: owner.email! });
    expect(byEmail.rows.map((r) => r.id)).toEqual([merchant.id]);
    expect((await listMerchants(await asTheAdmin(), { q: tag, status: "SUSPENDED" })).total).toBe(0);
    await move(merchant.id, "suspend");
    expect((await listMerchants(await asTheAdmin(), { q: tag, status: "SUSPENDED" })).total).toBe(1);
    const all = await listMerchants(await asTheAdmin(), {});
    const page2 = await listMerchants(await asTheAdmin(), { page: 2 });
    expect(all.rows.length).toBeLessThanOrEqual(all.pageSize);
    expect(page2.rows.map((r) => r.id).filter((id) => all.rows.some((r) => r.id === id))).toEqual([]);
  });
});

describe("a suspended merchant disappears for drivers at once", () => {
  it("offers list, map perks, redeeming, confirming a held code, spend codes and purchase rewards are all refused; reinstating brings them back", async () => {
    const m = await purchaseMerchant(`Suspended Cafe ${uid()}`);
    await topUp(m.merchant.id, 5_000);
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: m.merchant.id } });
    const phone = phoneIn("737");
    const driver = await driverWithPhone(phone);
    await grantNova(
      await asTheAdmin(),
      { driverId: driver.id, amount: 1000, reason: "test", idempotencyKey: key() },
      fakeMeta(),
    );
    const offersListed = async () => (await listLiveOffers(500)).some((o) => o.merchant.id === m.merchant.id);
    const perks = async () =>
      (
        await findNearby(nearbyQuery.parse({ lat: m.charger.latitude, lng: m.charger.longitude, radius: 1000 }))
      ).chargers.find((c) => c.id.endsWith(m.charger.id))?.perks ?? [];
    const redeem = () => redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    expect(await offersListed()).toBe(true);
    expect((await perks()).map((p) => p.name)).toContain(m.merchant.name);
    const held = await redeem(); // a code held before the suspension

    await move(m.merchant.id, "suspend");
    expect(await offersListed()).toBe(false);
    expect(await perks()).toEqual([]);
    await expect(redeem()).rejects.toMatchObject({
      code: "not_found",
    });
    const confirm = () => confirmRedemption(asMerchant(m.owner.id), m.merchant.id, { code: held.code }, fakeMeta());
    await expect(confirm()).rejects.toMatchObject({ code: "merchant_inactive" });
    expect((await testDb.redemptionCode.findUniqueOrThrow({ where: { code: held.code } })).status).toBe("HELD");
    const token = await mintSpendToken(asDriver(driver.id));
    await expect(
      directSpend(
        asMerchant(m.owner.id),
        m.merchant.id,
        { spendCode: token.qrValue, amount: 10, idempotencyKey: key() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "merchant_inactive" });
    await chargingSession(driver.id, m.charger.id);
    expect(await settle((await squareOrder(m, { phone })).id)).toEqual({ status: "UNMATCHED" });

    await move(m.merchant.id, "reinstate");
    expect(await offersListed()).toBe(true);
    expect((await perks()).map((p) => p.name)).toContain(m.merchant.name);
    await expect(confirm()).resolves.toMatchObject({ nova: offer.novaPrice });
  });
});
