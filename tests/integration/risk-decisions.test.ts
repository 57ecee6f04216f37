import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLedger, runMoneyTx, unsafeGetBalances, type LedgerViolation } from "@/lib/ledger";
import { decideFlag, holdCashOuts, raiseFlags, releaseHold, type DecideFlagInput } from "@/lib/risk";
import { listHeldSessionRewards, makeRewardAvailable, postPendingReward } from "@/lib/rewards";
import { asAdmin, asDriver, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { createCharger, createSession, minutesAgo } from "../support/risk";

let baseline: LedgerViolation[] = [];
beforeAll(async () => {
  baseline = (await checkLedger(testDb)).violations;
});
afterAll(() => testDb.$disconnect());

const finding = (summary = "Scripted finding") => ({
  rule: "shared_ip" as const,
  summary,
  fingerprint: uid() + uid(),
  evidence: { facts: [summary] },
});

async function flagged() {
  const admin = await createUser({ role: "ADMIN" });
  const driver = await createUser();
  const [flag] = await raiseFlags(driver.id, [finding()]);
  return { admin, driver, flagId: flag.id };
}

/** A charging session verified while the driver is held: its reward posts pending and stays there. */
async function verifiedWhileHeld(driverId: string) {
  const charger = await createCharger();
  const s = await createSession(driverId, { chargerId: charger.id, startedAt: minutesAgo(60), status: "VERIFIED" });
  const session = {
    id: s.id,
    driverId,
    chargerName: charger.name,
    isPartner: true,
    kwhDelivered: 20,
    batteryGained: 30,
  };
  const released = await runMoneyTx(async (tx) => {
    await postPendingReward(tx, session);
    return makeRewardAvailable(tx, session);
  });
  return { sessionId: s.id, released };
}

const decide = (
  adminId: string,
  flagId: string,
  decision: DecideFlagInput["decision"],
  reason = "Looked at the evidence",
) => decideFlag(asAdmin(adminId), { flagId, decision, reason }, fakeMeta());

describe("a flagged driver's rewards stay pending", () => {
  it("then approval releases exactly what was held", async () => {
    const { admin, driver, flagId } = await flagged();
    const { released } = await verifiedWhileHeld(driver.id);
    expect(released).toBeNull();
    const held = await unsafeGetBalances("DRIVER", driver.id);
    expect(held.nova.pending).toBe(250n); // 20 kWh × 10 + partner bonus 50
    expect(held.usd.pending).toBe(200n);
    expect(held.nova.available).toBe(0n);

    expect(await decide(admin.id, flagId, "approve")).toMatchObject({ status: "APPROVED", released: 1 });
    const after = await unsafeGetBalances("DRIVER", driver.id);
    expect(after.nova).toMatchObject({ available: 250n, pending: 0n });
    expect(after.usd).toMatchObject({ available: 200n, pending: 0n });
    await runMoneyTx(async (tx) => expect(await listHeldSessionRewards(tx, driver.id)).toEqual([]));
    expect((await checkLedger(testDb)).violations).toEqual(baseline);
  });

  it("approval releases nothing while another flag still holds", async () => {
    const { admin, driver, flagId } = await flagged();
    await raiseFlags(driver.id, [{ ...finding(), rule: "gps_teleport" }]);
    await verifiedWhileHeld(driver.id);
    expect(await decide(admin.id, flagId, "approve")).toMatchObject({ released: 0 });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova.pending).toBe(250n);
  });

  it("void reverses exactly the held rewards, with the reason, and the ledger stays clean", async () => {
    const { admin, driver, flagId } = await flagged();
    await verifiedWhileHeld(driver.id);
    await verifiedWhileHeld(driver.id);
    expect(await decide(admin.id, flagId, "void", "Farm account")).toMatchObject({ status: "VOIDED", reversed: 2 });
    const after = await unsafeGetBalances("DRIVER", driver.id);
    expect(after.nova).toMatchObject({ available: 0n, pending: 0n });
    expect(after.usd).toMatchObject({ available: 0n, pending: 0n });
    const reversals = await testDb.ledgerTransaction.findMany({
      where: { idempotencyKey: { startsWith: `risk:${flagId}:void:` } },
    });
    expect(reversals).toHaveLength(2);
    expect(reversals.every((r) => r.type === "REVERSAL" && r.reason === "Voided on review: Farm account")).toBe(true);
    expect((await checkLedger(testDb)).violations).toEqual(baseline);
  });

  it("suspend suspends the driver, ends their sessions and keeps the hold", async () => {
    const { admin, driver, flagId } = await flagged();
    await testDb.session.create({
      data: { sessionToken: `t-${uid()}${uid()}`, userId: driver.id, expires: new Date(Date.now() + 3600_000) },
    });
    expect(await decide(admin.id, flagId, "suspend")).toMatchObject({ status: "SUSPENDED" });
    expect(await testDb.user.findUniqueOrThrow({ where: { id: driver.id } })).toMatchObject({ status: "SUSPENDED" });
    expect(await testDb.session.count({ where: { userId: driver.id } })).toBe(0);
    await expect(
      releaseHold(asAdmin(admin.id), { userId: driver.id, reason: "Try to lift" }, fakeMeta()),
    ).rejects.toMatchObject({ code: "account_suspended" });
    await testDb.user.update({ where: { id: driver.id }, data: { status: "ACTIVE" } });
    expect(
      await releaseHold(asAdmin(admin.id), { userId: driver.id, reason: "Cleared on appeal" }, fakeMeta()),
    ).toEqual({ released: 0 });
    expect(await testDb.riskFlag.findUniqueOrThrow({ where: { id: flagId } })).toMatchObject({ status: "APPROVED" });
  });
});

describe("decisions", () => {
  it("concurrent decisions on one flag: exactly one wins", async () => {
    const { admin, driver, flagId } = await flagged();
    await verifiedWhileHeld(driver.id);
    const admins = await Promise.all([1, 2, 3].map(() => createUser({ role: "ADMIN" })));
    const decisions: DecideFlagInput["decision"][] = ["approve", "void", "suspend", "approve", "void", "suspend"];
    const results = await Promise.allSettled(decisions.map((d, i) => decide([admin, ...admins][i % 4].id, flagId, d)));
    const won = results.filter((r) => r.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "flag_decided", status: 409 });
    const audits = await testDb.auditLog.count({
      where: { action: { startsWith: "risk.flag_" }, targetId: driver.id, NOT: { action: "risk.flag_raised" } },
    });
    expect(audits).toBe(1);
    expect((await checkLedger(testDb)).violations).toEqual(baseline);
  });

  it("wrong role is refused 403, an unknown flag 404, and an admin cannot decide their own flag", async () => {
    const { driver, flagId } = await flagged();
    await expect(
      decideFlag(asDriver(driver.id), { flagId, decision: "approve", reason: "mine" }, fakeMeta()),
    ).rejects.toMatchObject({ status: 403 });
    const admin = await createUser({ role: "ADMIN" });
    await expect(decide(admin.id, `nope-${uid()}`, "approve")).rejects.toMatchObject({ status: 404 });
    const [own] = await raiseFlags(admin.id, [finding()]);
    await expect(decide(admin.id, own.id, "approve")).rejects.toMatchObject({ code: "self_dealing" });
    expect(await testDb.riskFlag.findUniqueOrThrow({ where: { id: flagId } })).toMatchObject({ status: "OPEN" });
  });

  it("every decision and hold is audited with the admin, the driver and the reason", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const driver = await createUser();
    const meta = fakeMeta();
    const { flagId } = await holdCashOuts(
      asAdmin(admin.id),
      { userId: driver.id, reason: "Chargeback reported" },
      meta,
    );
    await expect(
      holdCashOuts(asAdmin(admin.id), { userId: driver.id, reason: "Again" }, fakeMeta()),
    ).rejects.toMatchObject({ code: "hold_exists" });
    await releaseHold(asAdmin(admin.id), { userId: driver.id, reason: "Chargeback withdrawn" }, meta);
    await expect(
      releaseHold(asAdmin(admin.id), { userId: driver.id, reason: "Again" }, fakeMeta()),
    ).rejects.toMatchObject({ code: "no_hold" });
    const [f] = await raiseFlags(driver.id, [finding()]);
    await decide(admin.id, f.id, "void", "Confirmed farm");
    const rows = await testDb.auditLog.findMany({ where: { targetId: driver.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual([
      "risk.hold_placed",
      "risk.hold_released",
      "risk.flag_raised",
      "risk.flag_voided",
    ]);
    expect(rows[0]).toMatchObject({
      actorId: admin.id,
      ip: meta.ip,
      metadata: { flagId, reason: "Chargeback reported" },
    });
    expect(rows[3]).toMatchObject({ actorId: admin.id, metadata: { flagId: f.id, reason: "Confirmed farm" } });
    await expect(
      holdCashOuts(asAdmin(admin.id), { userId: `nobody-${uid()}`, reason: "x y z" }, fakeMeta()),
    ).rejects.toMatchObject({ status: 404 });
  });
});
