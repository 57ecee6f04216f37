import { afterAll, describe, expect, it } from "vitest";
import { getDriverProfile, searchDrivers } from "@/lib/admin";
import { reinstateUser, suspendUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { findRiskSignals, updateRuleSetting } from "@/lib/risk";
import { grantNova, reverseTransaction } from "@/lib/rewards";
import { redeemOffer } from "@/lib/merchants";
import { asAdmin, asDriver, createMerchant, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { signInFrom } from "../support/risk";

afterAll(() => testDb.$disconnect());
const key = () => `k-${uid()}-${uid()}-${uid()}`;

describe("drivers console", () => {
  it("finds a driver by exact id, by part of the email in any case, by part of the phone; pages", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const tag = uid();
    const driver = await createUser({ email: `Rita.${tag}@Example.com` });
    await testDb.user.update({
      where: { id: driver.id },
      data: { phone: `+1737${tag.replace(/\D/g, "7").slice(0, 7).padEnd(7, "7")}` },
    });
    const actor = asAdmin(admin.id);
    expect((await searchDrivers(actor, { q: driver.id, page: 1 })).drivers.map((d) => d.id)).toEqual([driver.id]);
    expect((await searchDrivers(actor, { q: driver.id.slice(0, 8), page: 1 })).drivers).toEqual([]);
    expect((await searchDrivers(actor, { q: `rita.${tag}@example`, page: 1 })).drivers.map((d) => d.id)).toEqual([
      driver.id,
    ]);
    const phone = (await testDb.user.findUniqueOrThrow({ where: { id: driver.id } })).phone!;
    expect((await searchDrivers(actor, { q: phone.slice(2), page: 1 })).drivers.map((d) => d.id)).toContain(driver.id);
    // the admin is not a driver
    expect((await searchDrivers(actor, { q: admin.id, page: 1 })).drivers).toEqual([]);
    const all = await searchDrivers(actor, { q: "", page: 1 });
    expect(all.drivers.length).toBeLessThanOrEqual(25);
    expect(all.pages).toBe(Math.max(1, Math.ceil(all.total / 25)));
  });

  it("a driver's page: 403 for a driver, 404 for an unknown id or a non-driver, sign-ins listed", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    await signInFrom(driver.id, "192.0.2.44");
    await expect(getDriverProfile(asDriver(driver.id), driver.id)).rejects.toMatchObject({ status: 403 });
    await expect(getDriverProfile(asAdmin(admin.id), `nope-${uid()}`)).rejects.toMatchObject({ status: 404 });
    await expect(getDriverProfile(asAdmin(admin.id), admin.id)).rejects.toMatchObject({ status: 404 });
    const p = await getDriverProfile(asAdmin(admin.id), driver.id);
    expect(p.signIns.map((s) => s.ip)).toEqual(["192.0.2.44"]);
  });

  it("reversal is refused once done, and when the driver has already spent the Nova", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const merchant = await createMerchant();
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
    const grant = await grantNova(
      asAdmin(admin.id),
      { driverId: driver.id, amount: 100, reason: "welcome", idempotencyKey: key() },
      fakeMeta(),
    );
    await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
    await expect(
      reverseTransaction(
        asAdmin(admin.id),
        { transactionId: grant.transactionId, reason: "mistake", idempotencyKey: key() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "insufficient_funds", message: expect.stringContaining("already been spent") });
    const second = await grantNova(
      asAdmin(admin.id),
      { driverId: driver.id, amount: 50, reason: "bonus", idempotencyKey: key() },
      fakeMeta(),
    );
    await reverseTransaction(
      asAdmin(admin.id),
      { transactionId: second.transactionId, reason: "farm", idempotencyKey: key() },
      fakeMeta(),
    );
    await expect(
      reverseTransaction(
        asAdmin(admin.id),
        { transactionId: second.transactionId, reason: "again", idempotencyKey: key() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ status: 409 });
    expect(await testDb.auditLog.count({ where: { action: "ledger.reversed", targetId: second.transactionId } })).toBe(
      1,
    );
  });
});

describe("rule settings", () => {
  it("are validated, audited, and a rule turned off finds nothing", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const throwaway = await createUser({ email: `x${uid()}@mailinator.com` });
    expect((await findRiskSignals(throwaway.id)).map((f) => f.rule)).toEqual(["disposable_email"]);
    await expect(
      updateRuleSetting(
        asAdmin(admin.id),
        { key: "shared_ip", enabled: "on", thresholds: '{"minAccounts": 0}' },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      updateRuleSetting(asAdmin(admin.id), { key: "shared_ip", enabled: "on", thresholds: '{"bogus": 1}' }, fakeMeta()),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      updateRuleSetting(asDriver(throwaway.id), { key: "disposable_email", enabled: "off" }, fakeMeta()),
    ).rejects.toMatchObject({ status: 403 });
    try {
      await updateRuleSetting(
        asAdmin(admin.id),
        { key: "disposable_email", enabled: "off", thresholds: "{}" },
        fakeMeta(),
      );
      expect(await findRiskSignals(throwaway.id)).toEqual([]);
      expect(await testDb.auditLog.count({ where: { action: "risk.rule_changed", actorId: admin.id } })).toBe(1);
    } finally {
      await testDb.riskRuleSetting.delete({ where: { key: "disposable_email" } });
    }
  });

  it("a replayed suspension or reinstatement changes and audits nothing, and says so", async () => {
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const driver = await createUser();
    const audits = (action: string) => testDb.auditLog.count({ where: { action, targetId: driver.id } });
    await suspendUser(admin, { userId: driver.id, reason: "farm" }, fakeMeta());
    const again = await suspendUser(admin, { userId: driver.id, reason: "farm" }, fakeMeta()).catch((e) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({
      code: "user_status_unchanged",
      message: "This account is already suspended: nothing changed.",
    });
    expect(await audits("admin.user_suspended")).toBe(1);

    await reinstateUser(admin, { userId: driver.id, reason: "cleared" }, fakeMeta());
    await expect(reinstateUser(admin, { userId: driver.id }, fakeMeta())).rejects.toMatchObject({
      code: "user_status_unchanged",
    });
    expect(await audits("admin.user_reinstated")).toBe(1);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: driver.id } })).status).toBe("ACTIVE");
    await expect(suspendUser(admin, { userId: "no-such-user", reason: "x" }, fakeMeta())).rejects.toMatchObject({
      status: 404,
    });
  });
});
