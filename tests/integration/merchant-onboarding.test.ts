import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  addBusiness,
  approveMerchant,
  confirmRedemption,
  getMerchantDashboard,
  redeemOffer,
  rejectMerchant,
} from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { actAs, browser, refusedWith, run } from "../support/actions";
import { asAdmin, asDriver, asMerchant, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { signUpBusinessAction, addBusinessAction } = await import("@/lib/actions/merchant/sign-up-business");

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const business = () => ({
  businessName: `Mueller Market ${uid()}`,
  category: "Coffee",
  address: "1900 Aldrich St, Austin, TX",
  latitude: "30.2981",
  longitude: "-97.7054",
  contactPhone: "+1 512 555 0100",
  contactEmail: `shop-${uid()}@test.local`,
});

async function pendingMerchant() {
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await addBusiness(
    asMerchant(owner.id),
    { ...business(), latitude: 30.3, longitude: -97.7 } as never,
    fakeMeta(),
  );
  return { owner, merchant };
}

describe("business sign-up", () => {
  it("creates the account (MERCHANT), the merchant as PENDING with a slug and QR token, and its owner", async () => {
    const email = `new-${uid()}@test.local`;
    const form = { ...business(), name: "Ada Owner", email, password: "a long unusual passphrase" };
    const result = await run(signUpBusinessAction, form);
    expect(result).toEqual({ redirect: "/merchant" });
    const user = await testDb.user.findUniqueOrThrow({
      where: { email },
      include: { memberships: { include: { merchant: true } } },
    });
    expect(user.role).toBe("MERCHANT");
    expect(user.memberships).toHaveLength(1);
    const [{ role, merchant }] = user.memberships;
    expect(role).toBe("OWNER");
    expect(merchant).toMatchObject({
      status: "PENDING",
      name: form.businessName,
      latitude: 30.2981,
      contactPhone: "+1 512 555 0100",
    });
    expect(merchant.slug).toMatch(/^mueller-market-[a-z0-9]+-[0-9a-f]{6}$/);
    expect(merchant.qrToken.length).toBeGreaterThan(20);
    expect(browser.set["nerava.merchant"]).toBe(merchant.id);
    const audit = await testDb.auditLog.findFirst({ where: { action: "merchant.sign_up", targetId: merchant.id } });
    expect(audit?.actorId).toBe(user.id);
  });

  it("explains bad fields in sentences and writes nothing", async () => {
    const email = `bad-${uid()}@test.local`;
    const result = await run(signUpBusinessAction, {
      ...business(),
      category: "Casino",
      latitude: "95",
      contactPhone: "call me",
      name: "Ada",
      email,
      password: "a long unusual passphrase",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "invalid_input",
        fields: {
          category: "Choose the kind of business from the list.",
          latitude: "The latitude must be between -90 and 90.",
          contactPhone: expect.stringContaining("Enter a phone number"),
        },
      },
    });
    expect(await testDb.user.count({ where: { email } })).toBe(0);
  });

  it("refuses an email that already has an account, and a driver adding a business", async () => {
    const driver = await createUser();
    const form = { ...business(), name: "D", email: driver.email!, password: "a long unusual passphrase" };
    expect(await run(signUpBusinessAction, form)).toEqual(refusedWith("email_taken"));
    await expect(
      addBusiness(asDriver(driver.id), { ...business(), latitude: 1, longitude: 1 } as never, fakeMeta()),
    ).rejects.toMatchObject({
      code: "driver_account",
      message: expect.stringContaining("separate email"),
    });
    expect(await testDb.merchantMember.count({ where: { userId: driver.id } })).toBe(0);
  });

  it("lets a signed-in merchant user add a second business, which starts PENDING", async () => {
    const owner = await createUser({ role: "MERCHANT" });
    const session = await testDb.session.create({
      data: {
        sessionToken: `tok-${uid()}${uid()}${uid()}`,
        userId: owner.id,
        expires: new Date(Date.now() + 3600_000),
      },
    });
    actAs(session.sessionToken);
    expect(await run(addBusinessAction, business())).toEqual({ redirect: "/merchant" });
    const rows = await testDb.merchantMember.findMany({ where: { userId: owner.id }, include: { merchant: true } });
    expect(rows.map((r) => [r.role, r.merchant.status])).toEqual([["OWNER", "PENDING"]]);
  });
});

describe("admin review", () => {
  it("approves a pending merchant once; a second decision is refused and changes nothing", async () => {
    const { merchant } = await pendingMerchant();
    const admin = await createUser({ role: "ADMIN" });
    await approveMerchant(asAdmin(admin.id), { merchantId: merchant.id, reason: "Details checked" }, fakeMeta());
    await expect(
      rejectMerchant(asAdmin(admin.id), { merchantId: merchant.id, reason: "Changed my mind" }, fakeMeta()),
    ).rejects.toMatchObject({
      code: "merchant_not_pending",
      status: 409,
    });
    await expect(
      approveMerchant(asAdmin(admin.id), { merchantId: merchant.id, reason: "Details checked" }, fakeMeta()),
    ).rejects.toMatchObject({
      code: "merchant_not_pending",
    });
    expect(await testDb.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).toMatchObject({
      status: "ACTIVE",
      statusReason: null,
    });
    expect(
      await testDb.auditLog.count({
        where: { targetId: merchant.id, action: { in: ["merchant.approve", "merchant.reject"] } },
      }),
    ).toBe(1);
  });

  it("two admins approving at once: exactly one succeeds", async () => {
    const { merchant } = await pendingMerchant();
    const admins = await Promise.all([createUser({ role: "ADMIN" }), createUser({ role: "ADMIN" })]);
    const results = await Promise.allSettled(
      admins.map((a) =>
        approveMerchant(asAdmin(a.id), { merchantId: merchant.id, reason: "Details checked" }, fakeMeta()),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb.auditLog.count({ where: { targetId: merchant.id, action: "merchant.approve" } })).toBe(1);
  });

  it("rejects with a reason the owner then sees; a second rejection is refused", async () => {
    const { owner, merchant } = await pendingMerchant();
    const admin = await createUser({ role: "ADMIN" });
    const reason = "The address is not near a charger in the program.";
    await rejectMerchant(asAdmin(admin.id), { merchantId: merchant.id, reason }, fakeMeta());
    await expect(
      rejectMerchant(asAdmin(admin.id), { merchantId: merchant.id, reason }, fakeMeta()),
    ).rejects.toMatchObject({ code: "merchant_not_pending" });
    const dashboard = await getMerchantDashboard(asMerchant(owner.id), merchant.id);
    expect(dashboard.merchant).toMatchObject({ status: "REJECTED", statusReason: reason });
  });

  it("refuses a wrong role (403) and answers an unknown merchant with 404", async () => {
    const { owner, merchant } = await pendingMerchant();
    const driver = await createUser();
    await expect(
      approveMerchant(asMerchant(owner.id), { merchantId: merchant.id, reason: "Details checked" }, fakeMeta()),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      rejectMerchant(asDriver(driver.id), { merchantId: merchant.id, reason: "No thanks" }, fakeMeta()),
    ).rejects.toMatchObject({ status: 403 });
    const admin = await createUser({ role: "ADMIN" });
    await expect(
      approveMerchant(asAdmin(admin.id), { merchantId: `nope-${uid()}`, reason: "Details checked" }, fakeMeta()),
    ).rejects.toMatchObject({ status: 404 });
    expect(await testDb.merchant.findUniqueOrThrow({ where: { id: merchant.id } })).toMatchObject({
      status: "PENDING",
    });
  });

  it("a merchant no longer ACTIVE cannot confirm a held code (refused server-side, nothing moves)", async () => {
    const owner = await createUser({ role: "MERCHANT" });
    const shop = await createMerchant(owner.id);
    const driver = await createUser();
    const admin = await createUser({ role: "ADMIN" });
    const key = () => `k-${uid()}-${uid()}-${uid()}`;
    await grantNova(
      asAdmin(admin.id),
      { driverId: driver.id, amount: 500, reason: "funds", idempotencyKey: key() },
      fakeMeta(),
    );
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: shop.id } });
    const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    await testDb.merchant.update({ where: { id: shop.id }, data: { status: "PENDING" } });
    await expect(
      confirmRedemption(asMerchant(owner.id), shop.id, { code: code.code }, fakeMeta()),
    ).rejects.toMatchObject({
      status: expect.any(Number),
    });
    expect(await testDb.redemptionCode.findUniqueOrThrow({ where: { id: code.id } })).toMatchObject({ status: "HELD" });
  });
});
