import { describe, expect, it } from "vitest";
import { decideFlag, raiseFlags } from "@/lib/risk";
import { asAdmin, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { newKey, payoutKitPerFile, readyDriver, usdOf } from "../support/payouts";

const file = payoutKitPerFile();

const finding = { rule: "car_switch" as const, summary: "Scripted", evidence: { facts: [] } };

describe("cash-out while held for review", () => {
  it("is refused with the reason (and audited), then allowed once the flag is approved", async () => {
    const { kit } = file;
    const { user, actor } = await readyDriver(kit, 5_000);
    const [flag] = await raiseFlags(user.id, [{ ...finding, fingerprint: uid() }]);
    const ask = () =>
      kit.payouts.requestCashOut(
        actor,
        { amountCents: 1_000, method: "STANDARD", idempotencyKey: newKey() },
        fakeMeta(),
      );
    await expect(ask()).rejects.toMatchObject({ code: "account_on_hold", message: expect.stringContaining("review") });
    expect(await usdOf(kit, user.id)).toBe(5_000);
    expect(await testDb.payout.count({ where: { userId: user.id } })).toBe(0);
    expect(
      await testDb.auditLog.count({
        where: {
          action: "payout.refused",
          actorId: user.id,
          metadata: { path: ["reason"], equals: "account_on_hold" },
        },
      }),
    ).toBe(1);

    const admin = await createUser({ role: "ADMIN" });
    await decideFlag(asAdmin(admin.id), { flagId: flag.id, decision: "approve", reason: "Known driver" }, fakeMeta());
    await expect(ask()).resolves.toMatchObject({ replayed: false });
    expect(await usdOf(kit, user.id)).toBe(4_000);
  });

  it("a new account cashing out minutes after a reward is flagged by the cash-out itself and refused", async () => {
    const { kit } = file;
    const { user, actor } = await readyDriver(kit, 0);
    const { runMoneyTx, postInTx, accounts } = kit.ledger;
    await runMoneyTx((tx) =>
      postInTx(tx, {
        idempotencyKey: `test-earn-${uid()}`,
        type: "SESSION_REWARD_RELEASE",
        reason: "Charging, verified",
        request: { driverId: user.id },
        lines: [
          { account: accounts.rewardsExpenseUsd(), amount: -2_000n },
          { account: accounts.driverUsd(user.id), amount: 2_000n },
        ],
      }),
    );
    await expect(
      kit.payouts.requestCashOut(
        actor,
        { amountCents: 2_000, method: "STANDARD", idempotencyKey: newKey() },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "account_on_hold" });
    expect(await testDb.riskFlag.findFirst({ where: { driverId: user.id } })).toMatchObject({
      rule: "earn_then_cash_out",
      status: "OPEN",
    });
    expect(await usdOf(kit, user.id)).toBe(2_000);
  });
});
