import { beforeAll, describe, expect, it } from "vitest";
import { asAdmin, asDriver, createUser, fakeMeta, testDb } from "../support/factories";
import {
  fundDriver,
  newKey,
  readyDriver,
  payoutKitPerFile,
  transferredTo,
  usdOf,
  type PayoutKit,
} from "../support/payouts";

// Found by probing a real `next start` (probe10): each test states what a driver, an admin or the
// platform should get, and fails while the behaviour it describes is still wrong.
const file = payoutKitPerFile();
let kit: PayoutKit;
beforeAll(() => void ({ kit } = file));

const payoutOf = (id: string) => testDb.payout.findUniqueOrThrow({ where: { id } });

describe("cash-out setup", () => {
  it("a double tap (two tabs) on Set up cash-out gives every tap a link and makes one account", async () => {
    const user = await createUser();
    const actor = asDriver(user.id);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => kit.payouts.startCashOutSetup(actor, fakeMeta())),
    );
    // under next start some taps answered "Something went wrong" (P2002 on StripeAccount_userId_key)
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await testDb.stripeAccount.count({ where: { userId: user.id } })).toBe(1);
  });

  it("a refusal because setup is unfinished reads as sentences, not a headline run into its detail", async () => {
    const user = await createUser();
    await fundDriver(kit, user.id, 2_000);
    const input = { amountCents: 1_000, method: "STANDARD" as const, idempotencyKey: newKey() };
    const refusal = await kit.payouts.requestCashOut(asDriver(user.id), input, fakeMeta()).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: "cash_out_not_ready" });
    // today: "Set up cash-out Stripe, our payments partner, pays your rewards to your bank."
    expect((refusal as Error).message).not.toMatch(/^Set up cash-out Stripe/);
    expect((refusal as Error).message).not.toMatch(/information Stripe needs/);
  });
});

describe("a cash-out request sent again with its key", () => {
  it("names the payout it made, even after the kill switch went off (the money did leave the wallet)", async () => {
    const { actor } = await readyDriver(kit, 5_000);
    const input = { amountCents: 1_000, method: "STANDARD" as const, idempotencyKey: newKey() };
    const first = await kit.payouts.requestCashOut(actor, input, fakeMeta());
    await testDb.featureFlag.upsert({
      where: { key: "PAYOUTS_ENABLED" },
      update: { enabled: false },
      create: { key: "PAYOUTS_ENABLED", enabled: false, description: "test" },
    });
    try {
      // today: "Cash-out is paused right now." — the driver reads it as "nothing happened"
      await expect(kit.payouts.requestCashOut(actor, input, fakeMeta())).resolves.toEqual({
        id: first.id,
        replayed: true,
      });
    } finally {
      await testDb.featureFlag.update({ where: { key: "PAYOUTS_ENABLED" }, data: { enabled: true } });
    }
  });
});

describe("an admin's payout decisions", () => {
  it("an admin cannot return their own cash-out to their own wallet (nobody moves money to themselves)", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const ready = await readyDriver(kit, 0);
    // the admin's own driver account: make the ready driver an admin
    await testDb.user.update({ where: { id: ready.user.id }, data: { role: "ADMIN" } });
    await fundDriver(kit, ready.user.id, 3_000);
    const self = asAdmin(ready.user.id);
    const input = { amountCents: 1_000, method: "STANDARD" as const, idempotencyKey: newKey() };
    const { id } = await kit.payouts.requestCashOut(self, input, fakeMeta());
    const decision = { payoutId: id, reason: "cancelling my own cash-out" };
    await expect(kit.payouts.returnPayoutByAdmin(self, decision, fakeMeta())).rejects.toMatchObject({
      code: "self_dealing",
    });
    expect(await payoutOf(id)).toMatchObject({ state: "REQUESTED" });
    // another admin may
    await kit.payouts.returnPayoutByAdmin(asAdmin(admin.id), decision, fakeMeta());
    expect(await payoutOf(id)).toMatchObject({ state: "RETURNED" });
  });

  it("Return money is refused while the failed payout's transfer reversal has not been tried (no avoidable loss)", async () => {
    const { user, actor, accountId } = await readyDriver(kit, 5_000);
    const input = { amountCents: 2_000, method: "STANDARD" as const, idempotencyKey: newKey() };
    const { id } = await kit.payouts.requestCashOut(actor, input, fakeMeta());
    kit.fake.faults.next({
      method: "POST",
      path: /^\/v1\/payouts$/,
      kind: { status: 400, error: { code: "payouts_not_allowed", message: "refused" } },
    });
    await kit.payouts.unsafeAdvancePayout(id);
    // FAILED, the money in the driver's connected account, its reversal queued but not yet run
    expect(await payoutOf(id)).toMatchObject({ state: "FAILED", lastError: null });
    expect(transferredTo(kit, accountId)).toBe(2_000);

    const admin = await createUser({ role: "ADMIN" });
    const decision = { payoutId: id, reason: "driver wrote in, give it back" };
    await expect(kit.payouts.returnPayoutByAdmin(asAdmin(admin.id), decision, fakeMeta())).rejects.toMatchObject({
      code: "payout_state",
    });
    // the reversal then runs as designed: the money comes back from Stripe and is returned once
    expect(await kit.payouts.unsafeReverseFailedPayout(id)).toBe("returned");
    expect(transferredTo(kit, accountId)).toBe(0);
    expect(await usdOf(kit, user.id)).toBe(5_000);
  });
});
