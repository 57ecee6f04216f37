import type { LedgerViolation } from "@/lib/ledger";
import { beforeAll, describe, expect, it } from "vitest";
import { asAdmin, createUser, fakeMeta, testDb } from "../support/factories";
import { newViolations } from "../support/ledger";
import {
  deliver,
  eventsFor,
  newKey,
  readyDriver,
  payoutKitPerFile,
  transferredTo,
  usdOf,
  type PayoutKit,
} from "../support/payouts";

// The failure matrix: every way Stripe can refuse, fail or not answer, and where the money ends up.
const file = payoutKitPerFile();
let kit: PayoutKit;
let baseline: LedgerViolation[];
beforeAll(() => void ({ kit, baseline } = file));

const FUNDED = 5_000;
// every driver made here, for the closing invariant (the admin write-off is checked on its own)
const drivers: { userId: string; accountId: string; writeOff?: boolean }[] = [];

async function cashOut(amountCents: number, bank: { accountNumber?: string } = {}) {
  const driver = await readyDriver(kit, FUNDED, bank);
  drivers.push({ userId: driver.user.id, accountId: driver.accountId });
  const input = { amountCents, method: "STANDARD" as const, idempotencyKey: newKey() };
  const { id } = await kit.payouts.requestCashOut(driver.actor, input, fakeMeta());
  return { id, userId: driver.user.id, accountId: driver.accountId };
}
const payoutOf = (id: string) => testDb.payout.findUniqueOrThrow({ where: { id } });
const advance = (id: string) => kit.payouts.unsafeAdvancePayout(id);
const transfersFor = (id: string) => kit.fake.control.objects.transfers().filter((t) => t.metadata.payout_id === id);
const withKey = (key: string) => kit.fake.control.requests().filter((r) => r.idempotencyKey === key);
const dropAfter = (method: "GET" | "POST", path: RegExp) =>
  kit.fake.faults.next({ method, path, times: 2, kind: { drop: "after" } });
const refuse = (path: RegExp, code: string) =>
  kit.fake.faults.next({ method: "POST", path, kind: { status: 400, error: { code, message: `refused: ${code}` } } });
const TRANSFERS = /^\/v1\/transfers$/;
const PAYOUTS = /^\/v1\/payouts$/;
const sentUsd = async () =>
  (
    await testDb.ledgerAccount.findUnique({
      where: {
        ownerType_ownerId_kind_currency_shard: {
          ownerType: "PLATFORM",
          ownerId: "platform",
          kind: "PAYOUTS_SENT",
          currency: "USD",
          shard: 0,
        },
      },
    })
  )?.balance ?? 0n;

/** A payout whose transfer landed and whose payout Stripe refused: FAILED, money in the connected account. */
async function failedAfterTransfer(amountCents: number) {
  const p = await cashOut(amountCents);
  refuse(PAYOUTS, "payouts_not_allowed");
  await advance(p.id);
  return p;
}

describe("the transfer", () => {
  it("refused (platform balance too low): returned at once, nothing sent", async () => {
    const { id, userId } = await cashOut(3_000);
    const before = kit.fake.control.balanceOf("platform");
    kit.fake.control.setPlatformBalance(0);
    try {
      expect(await advance(id)).toBe("returned");
    } finally {
      kit.fake.control.setPlatformBalance(before);
    }
    expect(await payoutOf(id)).toMatchObject({ state: "RETURNED", failureCode: "balance_insufficient" });
    expect(await usdOf(kit, userId)).toBe(FUNDED);
    expect(transfersFor(id)).toEqual([]);
  });

  it("made, but the answer lost: unknown, nothing returned; the retry sends the same key and moves on", async () => {
    const { id, userId } = await cashOut(3_000);
    dropAfter("POST", TRANSFERS);
    await expect(advance(id)).rejects.toBeInstanceOf(kit.payouts.OutcomeUnknown);
    expect(await payoutOf(id)).toMatchObject({
      state: "TRANSFER_SUBMITTED",
      lastError: expect.stringMatching(/^transfer: /),
    });
    expect(await usdOf(kit, userId)).toBe(FUNDED - 3_000);

    expect(await advance(id)).toBe("submitted");
    expect(withKey(`payout/${id}/transfer`).at(-1)).toMatchObject({ replayed: true, status: 200 });
    expect(transfersFor(id)).toHaveLength(1);
    expect(await payoutOf(id)).toMatchObject({ state: "PAYOUT_SUBMITTED", lastError: null });
  });

  it("lost on a payout older than Stripe's 24 h keys: the retry finds it by transfer group, no second transfer", async () => {
    const { id } = await cashOut(2_000);
    await testDb.payout.update({ where: { id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    dropAfter("POST", TRANSFERS);
    await expect(advance(id)).rejects.toBeInstanceOf(kit.payouts.OutcomeUnknown);
    const posts = () => kit.fake.control.requests().filter((r) => r.method === "POST" && TRANSFERS.test(r.path));
    const lists = () => kit.fake.control.requests().filter((r) => r.method === "GET" && TRANSFERS.test(r.path));
    const [postsBefore, listsBefore] = [posts().length, lists().length];

    expect(await advance(id)).toBe("submitted");
    expect(lists().length).toBe(listsBefore + 1);
    expect(posts().length).toBe(postsBefore);
    expect(transfersFor(id)).toHaveLength(1);
    expect(await payoutOf(id)).toMatchObject({ state: "PAYOUT_SUBMITTED", stripeTransferId: transfersFor(id)[0].id });
  });

  it.each([
    [500, { status: 500, error: { message: "Stripe is down" } }],
    [429, { status: 429, error: { message: "Too many requests" } }],
  ])("answered %i: unknown (state kept, nothing returned), then sent on the retry", async (_, fault) => {
    const { id, userId } = await cashOut(1_000);
    kit.fake.faults.next({ method: "POST", path: TRANSFERS, kind: fault });
    await expect(advance(id)).rejects.toBeInstanceOf(kit.payouts.OutcomeUnknown);
    expect(await payoutOf(id)).toMatchObject({ state: "TRANSFER_SUBMITTED" });
    expect(await usdOf(kit, userId)).toBe(FUNDED - 1_000);
    expect(transfersFor(id)).toEqual([]);
    expect(await advance(id)).toBe("submitted");
    expect(transfersFor(id)).toHaveLength(1);
  });

  it("to an account Stripe restricted after the request: returned, asking the driver to finish setup", async () => {
    const { id, userId, accountId } = await cashOut(2_000);
    kit.fake.control.restrict(accountId, {
      disabledReason: "requirements.past_due",
      pastDue: ["individual.id_number"],
    });
    expect(await advance(id)).toBe("returned");
    const returned = await payoutOf(id);
    expect(returned).toMatchObject({ state: "RETURNED", failureCode: "capability_not_active" });
    expect(returned.failureReason).toMatch(/Finish your cash-out setup/);
    expect(await usdOf(kit, userId)).toBe(FUNDED);
    expect(transfersFor(id)).toEqual([]);
  });
});

describe("the payout to the bank", () => {
  it("refused by Stripe after the transfer landed: failed, the transfer reversed, then returned", async () => {
    const { id, userId, accountId } = await failedAfterTransfer(2_500);
    expect(await payoutOf(id)).toMatchObject({ state: "FAILED", failureCode: "payouts_not_allowed" });
    expect(transferredTo(kit, accountId)).toBe(2_500);
    expect(await usdOf(kit, userId)).toBe(FUNDED - 2_500);
    expect(await kit.payouts.unsafeReverseFailedPayout(id)).toBe("returned");
    expect(await payoutOf(id)).toMatchObject({ state: "RETURNED" });
    expect(transferredTo(kit, accountId)).toBe(0);
    expect(await usdOf(kit, userId)).toBe(FUNDED);
  });

  it("made, but the answer lost: no payout id yet; the retry sends the same key and finds the one payout", async () => {
    const { id } = await cashOut(2_000);
    dropAfter("POST", PAYOUTS);
    await expect(advance(id)).rejects.toBeInstanceOf(kit.payouts.OutcomeUnknown);
    expect(await payoutOf(id)).toMatchObject({ state: "PAYOUT_SUBMITTED", stripePayoutId: null });
    expect(await advance(id)).toBe("submitted");
    expect(withKey(`payout/${id}/payout/1`).at(-1)).toMatchObject({ replayed: true, status: 200 });
    const atStripe = kit.fake.control.objects.payouts().filter((p) => p.metadata.payout_id === id);
    expect(atStripe).toHaveLength(1);
    expect(await payoutOf(id)).toMatchObject({ state: "PAYOUT_SUBMITTED", stripePayoutId: atStripe[0].id });
  });

  it("lost on a payout older than Stripe's 24 h keys: the retry finds it on the account, no second payout", async () => {
    const { id } = await cashOut(1_800);
    await testDb.payout.update({ where: { id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    dropAfter("POST", PAYOUTS);
    await expect(advance(id)).rejects.toBeInstanceOf(kit.payouts.OutcomeUnknown);
    const calls = (method: string) =>
      kit.fake.control.requests().filter((r) => r.method === method && PAYOUTS.test(r.path)).length;
    const [postsBefore, listsBefore] = [calls("POST"), calls("GET")];

    expect(await advance(id)).toBe("submitted");
    expect(calls("GET")).toBe(listsBefore + 1);
    expect(calls("POST")).toBe(postsBefore);
    const atStripe = kit.fake.control.objects.payouts().filter((p) => p.metadata.payout_id === id);
    expect(atStripe).toHaveLength(1);
    expect(await payoutOf(id)).toMatchObject({ state: "PAYOUT_SUBMITTED", stripePayoutId: atStripe[0].id });
  });

  it("sent back by the bank after it was paid: the settlement reversed, then returned — never both", async () => {
    const sentBefore = await sentUsd();
    const { id, userId, accountId } = await cashOut(4_000);
    await advance(id);
    const { stripePayoutId } = await payoutOf(id);
    kit.fake.control.settlePayout(stripePayoutId!, "paid");
    await deliver(kit, eventsFor(kit, "payout.paid", stripePayoutId!)[0]);
    const paid = await payoutOf(id);
    expect(paid.state).toBe("PAID");
    expect(await sentUsd()).toBe(sentBefore + 4_000n);

    kit.fake.control.settlePayout(stripePayoutId!, "failed", "account_closed");
    await deliver(kit, eventsFor(kit, "payout.failed", stripePayoutId!)[0]);
    expect(await payoutOf(id)).toMatchObject({ state: "FAILED", failureCode: "account_closed" });
    expect(await testDb.ledgerTransaction.count({ where: { type: "REVERSAL", reversesId: paid.settleTxId! } })).toBe(1);
    expect(await sentUsd()).toBe(sentBefore);
    expect(await kit.payouts.unsafeReverseFailedPayout(id)).toBe("returned");
    expect(await payoutOf(id)).toMatchObject({ state: "RETURNED" });
    expect(await usdOf(kit, userId)).toBe(FUNDED);
    expect(transferredTo(kit, accountId)).toBe(0);
    expect(await sentUsd()).toBe(sentBefore);
  });
});

describe("after a failure", () => {
  it("a reversal Stripe refuses needs an admin; the admin's return is audited and the loss is the platform's", async () => {
    const { id, userId, accountId } = await cashOut(4_000, { accountNumber: "000111111116" });
    drivers.at(-1)!.writeOff = true;
    await advance(id);
    const { stripePayoutId } = await payoutOf(id);
    kit.fake.control.settlePayout(stripePayoutId!, "failed");
    await deliver(kit, eventsFor(kit, "payout.failed", stripePayoutId!)[0]);
    refuse(/^\/v1\/transfers\/.+\/reversals$/, "balance_insufficient");
    expect(await kit.payouts.unsafeReverseFailedPayout(id)).toBe("needs attention");
    expect(await payoutOf(id)).toMatchObject({ state: "FAILED", lastError: "reversal_refused: balance_insufficient" });
    expect(await usdOf(kit, userId)).toBe(FUNDED - 4_000);

    const admin = await createUser({ role: "ADMIN" });
    const reason = "Bank closed, paying from platform";
    await kit.payouts.returnPayoutByAdmin(asAdmin(admin.id), { payoutId: id, reason }, fakeMeta());
    expect(await payoutOf(id)).toMatchObject({ state: "RETURNED" });
    expect(await usdOf(kit, userId)).toBe(FUNDED);
    const audit = await testDb.auditLog.findFirst({ where: { targetId: id, action: "payout.returned" } });
    expect(audit).toMatchObject({ actorId: admin.id, metadata: expect.objectContaining({ reason }) });
    // the write-off: the driver has the money back and it also stays in their connected account
    expect(transferredTo(kit, accountId)).toBe(4_000);
  });

  it("a returned payout is never sent again: advancing, retrying and reversing change nothing", async () => {
    const { id, userId } = await failedAfterTransfer(1_500);
    await kit.payouts.unsafeReverseFailedPayout(id);
    expect(await payoutOf(id)).toMatchObject({ state: "RETURNED" });
    const stripeBefore = [transfersFor(id), kit.fake.control.objects.reversals(), kit.fake.control.requests().length];

    expect(await advance(id)).toBe("returned");
    const admin = await createUser({ role: "ADMIN" });
    await expect(
      kit.payouts.retryPayoutSubmission(asAdmin(admin.id), { payoutId: id, reason: "driver asked again" }, fakeMeta()),
    ).rejects.toMatchObject({ code: "payout_state" });
    expect(await testDb.auditLog.count({ where: { targetId: id, action: "payout.retry_refused" } })).toBe(1);
    expect(await kit.payouts.unsafeReverseFailedPayout(id)).toBe("nothing to reverse");
    expect([transfersFor(id), kit.fake.control.objects.reversals(), kit.fake.control.requests().length]).toEqual(
      stripeBefore,
    );
    expect(await usdOf(kit, userId)).toBe(FUNDED);
  });
});

describe("across every driver above", () => {
  it("Stripe holds exactly what we debited and did not return; the ledger agrees", async () => {
    expect(drivers.length).toBeGreaterThanOrEqual(10);
    for (const d of drivers.filter((x) => !x.writeOff)) {
      const payouts = await testDb.payout.findMany({ where: { userId: d.userId } });
      const kept = payouts.filter((p) => p.state !== "RETURNED");
      expect(payouts.map((p) => p.state).filter((s) => !["PAID", "PAYOUT_SUBMITTED", "RETURNED"].includes(s))).toEqual(
        [],
      );
      expect(transferredTo(kit, d.accountId)).toBe(kept.reduce((sum, p) => sum + p.amountCents - p.feeCents, 0));
      expect(await usdOf(kit, d.userId)).toBe(FUNDED - kept.reduce((sum, p) => sum + p.amountCents, 0));
    }
    expect(await newViolations(baseline)).toEqual([]);
  });
});
