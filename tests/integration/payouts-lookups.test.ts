import { beforeAll, expect, it } from "vitest";
import { fakeMeta, testDb } from "../support/factories";
import { newKey, readyDriver, payoutKitPerFile, usdOf, type PayoutKit } from "../support/payouts";

// When Stripe's answer was lost, what Stripe says next is read carefully: a refusal after an
// unknown outcome may only mean the first call already acted, and a failed read is no refusal.
const file = payoutKitPerFile();
let kit: PayoutKit;
beforeAll(() => void ({ kit } = file));

async function requested(amountCents = 3_000) {
  const driver = await readyDriver(kit, 5_000);
  const input = { amountCents, method: "STANDARD" as const, idempotencyKey: newKey() };
  const { id } = await kit.payouts.requestCashOut(driver.actor, input, fakeMeta());
  return { id, userId: driver.user.id };
}
const payoutOf = (id: string) => testDb.payout.findUniqueOrThrow({ where: { id } });
const transfersFor = (id: string) => kit.fake.control.objects.transfers().filter((t) => t.metadata.payout_id === id);

it("a refusal after a lost answer finds the transfer the first call made, and never returns that money", async () => {
  const { id, userId } = await requested();
  kit.fake.faults.next({ method: "POST", path: /^\/v1\/transfers$/, times: 2, kind: { drop: "after" } });
  await expect(kit.payouts.unsafeAdvancePayout(id)).rejects.toThrow(/outcome unknown/);
  kit.fake.faults.next({
    method: "POST",
    path: /^\/v1\/transfers$/,
    kind: { status: 400, error: { code: "balance_insufficient", message: "refused" } },
  });
  expect(await kit.payouts.unsafeAdvancePayout(id)).toBe("submitted");
  const payout = await payoutOf(id);
  expect(payout.state).toBe("PAYOUT_SUBMITTED");
  expect(payout.stripeTransferId).toBe(transfersFor(id)[0].id);
  expect(transfersFor(id)).toHaveLength(1);
  expect(await usdOf(kit, userId)).toBe(2_000);
});

it("a failed read past the key's lifetime is an unknown outcome, not a refusal", async () => {
  const { id, userId } = await requested();
  await testDb.payout.update({ where: { id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
  kit.fake.faults.next({
    method: "GET",
    path: /^\/v1\/transfers/,
    kind: { status: 400, error: { code: "parameter_invalid", message: "bad list" } },
  });
  await expect(kit.payouts.unsafeAdvancePayout(id)).rejects.toThrow(/outcome unknown/);
  expect(await payoutOf(id)).toMatchObject({ state: "TRANSFER_SUBMITTED", returnTxId: null });
  expect(await usdOf(kit, userId)).toBe(2_000);
  expect(transfersFor(id)).toHaveLength(0);
  expect(await kit.payouts.unsafeAdvancePayout(id)).toBe("submitted");
  expect(transfersFor(id)).toHaveLength(1);
});
