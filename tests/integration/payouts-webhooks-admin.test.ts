import Stripe from "stripe";
import type { LedgerViolation } from "@/lib/ledger";
import { beforeAll, describe, expect, it } from "vitest";
import { asAdmin, asDriver, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { newViolations } from "../support/ledger";
import {
  deliver,
  eventsFor,
  fundDriver,
  newKey,
  PLATFORM_SECRET,
  readyDriver,
  payoutKitPerFile,
  usdOf,
  type PayoutKit,
} from "../support/payouts";

// The webhook receivers' refusals, the admin's decisions on payouts, and the reconciliation.
const file = payoutKitPerFile();
let kit: PayoutKit;
let baseline: LedgerViolation[];
beforeAll(() => void ({ kit, baseline } = file));
let admin: { id: string };
beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
});

const standard = (amountCents: number) => ({ amountCents, method: "STANDARD" as const, idempotencyKey: newKey() });
const payoutOf = (id: string) => testDb.payout.findUniqueOrThrow({ where: { id } });
const decision = (payoutId: string, reason = "Driver asked us to cancel") => ({ payoutId, reason });
/** A paid payout: its id, its driver and the payout.paid event. */
async function paidPayout(amountCents = 2_000) {
  const driver = await readyDriver(kit, 5_000);
  const { id } = await kit.payouts.requestCashOut(driver.actor, standard(amountCents), fakeMeta());
  await kit.payouts.unsafeAdvancePayout(id);
  const { stripePayoutId } = await payoutOf(id);
  kit.fake.control.settlePayout(stripePayoutId!, "paid");
  const paid = eventsFor(kit, "payout.paid", stripePayoutId!)[0];
  await deliver(kit, paid);
  return { id, driver, paid };
}

describe("the Stripe webhook receivers refuse", () => {
  const signedFor = (receiver: ReturnType<PayoutKit["payouts"]["stripePlatformWebhook"]>, event: object) => {
    const payload = JSON.stringify(event);
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: PLATFORM_SECRET });
    return kit.webhooks.receiveWebhook(receiver, payload, new Headers({ "stripe-signature": header }));
  };

  it("a wrong signature, a livemode event, a Connect event at the platform endpoint; other types are ignored", async () => {
    const { paid } = await paidPayout();
    await expect(deliver(kit, paid, { secret: "whsec_not_ours" })).rejects.toMatchObject({
      code: "bad_signature",
      status: 400,
    });
    const live = { ...paid, livemode: true };
    await expect(deliver(kit, live)).rejects.toMatchObject({
      code: "invalid_event",
      status: 400,
    });
    await expect(signedFor(kit.payouts.stripePlatformWebhook(), paid)).rejects.toMatchObject({
      code: "invalid_event",
      status: 400,
    });
    const charge = { id: `evt_${uid()}`, object: "event", type: "charge.succeeded", livemode: false };
    const unknownType = { ...charge, data: { object: { id: `ch_${uid()}` } } };
    expect(await deliver(kit, unknownType)).toEqual({ ignored: true });
    expect(await testDb.webhookEvent.count({ where: { eventId: charge.id } })).toBe(0);
  });
});

describe("an admin's payout decisions", () => {
  it("are for admins only", async () => {
    const { id, driver } = await paidPayout();
    const asTheDriver = asDriver(driver.user.id);
    const forbidden = { code: "forbidden", status: 403 };
    await expect(kit.payouts.retryPayoutSubmission(asTheDriver, decision(id), fakeMeta())).rejects.toMatchObject(
      forbidden,
    );
    await expect(kit.payouts.returnPayoutByAdmin(asTheDriver, decision(id), fakeMeta())).rejects.toMatchObject(
      forbidden,
    );
    await expect(kit.payouts.listPayouts(asTheDriver, {})).rejects.toMatchObject(forbidden);
  });

  it("refuse to return money while Stripe may still be acting, and the refusal is audited", async () => {
    const { user, actor } = await readyDriver(kit, 5_000);
    const { id } = await kit.payouts.requestCashOut(actor, standard(3_000), fakeMeta());
    kit.fake.faults.next({ method: "POST", path: /^\/v1\/transfers$/, times: 2, kind: { drop: "after" } });
    await expect(kit.payouts.unsafeAdvancePayout(id)).rejects.toBeInstanceOf(kit.payouts.OutcomeUnknown);
    expect(await payoutOf(id)).toMatchObject({ state: "TRANSFER_SUBMITTED" });

    await expect(kit.payouts.returnPayoutByAdmin(asAdmin(admin.id), decision(id), fakeMeta())).rejects.toMatchObject({
      code: "payout_state",
      status: 409,
      message: expect.stringMatching(/Stripe may still be acting/),
    });
    expect(await payoutOf(id)).toMatchObject({ state: "TRANSFER_SUBMITTED" });
    expect(await usdOf(kit, user.id)).toBe(2_000);
    const refused = await testDb.auditLog.findMany({ where: { targetId: id, action: "payout.return_refused" } });
    expect(refused).toEqual([expect.objectContaining({ actorId: admin.id })]);
  });

  it("return a payout not yet sent: the money back, and the return attributed to the admin with the reason", async () => {
    const { user, actor } = await readyDriver(kit, 5_000);
    const { id } = await kit.payouts.requestCashOut(actor, standard(3_000), fakeMeta());
    const reason = "Driver asked us to cancel";
    expect(await kit.payouts.returnPayoutByAdmin(asAdmin(admin.id), decision(id, reason), fakeMeta())).toEqual({
      returned: true,
    });
    expect(await payoutOf(id)).toMatchObject({ state: "RETURNED", failureCode: "admin_cancelled" });
    expect(await usdOf(kit, user.id)).toBe(5_000);
    const returned = await testDb.auditLog.findFirstOrThrow({ where: { targetId: id, action: "payout.returned" } });
    expect(returned.actorId).toBe(admin.id);
    const byAdmin = await testDb.auditLog.findMany({ where: { targetId: id, actorId: admin.id } });
    expect(byAdmin.map((r) => r.metadata)).toContainEqual(expect.objectContaining({ reason }));
    const ledgerReturn = await testDb.ledgerTransaction.findUniqueOrThrow({
      where: { id: (await payoutOf(id)).returnTxId! },
    });
    expect(ledgerReturn.actorId).toBe(admin.id);
    expect(await kit.payouts.unsafeAdvancePayout(id)).toBe("returned");
    expect(kit.fake.control.objects.transfers().some((t) => t.metadata.payout_id === id)).toBe(false);
    expect(await newViolations(baseline)).toEqual([]);
  });
});

describe("the admin's payout list", () => {
  it("filters by state and driver email, with totals over the match; a payout's timeline shows Stripe's event ids", async () => {
    const email = `payout-list-${uid()}@test.local`;
    const user = await createUser({ email });
    await kit.payouts.startCashOutSetup(asDriver(user.id), fakeMeta());
    const row = await testDb.stripeAccount.findUniqueOrThrow({ where: { userId: user.id } });
    kit.fake.control.onboard(row.stripeAccountId!, {});
    await kit.payouts.refreshCashOutSetup(asDriver(user.id));
    await fundDriver(kit, user.id, 10_000);
    const request = async (cents: number) =>
      (await kit.payouts.requestCashOut(asDriver(user.id), standard(cents), fakeMeta())).id;
    const waiting = [await request(1_000), await request(1_200)];
    const paid = await request(2_000);
    await kit.payouts.unsafeAdvancePayout(paid);
    const { stripePayoutId } = await payoutOf(paid);
    kit.fake.control.settlePayout(stripePayoutId!, "paid");
    const paidEvent = eventsFor(kit, "payout.paid", stripePayoutId!)[0];
    await deliver(kit, paidEvent);

    const all = await kit.payouts.listPayouts(asAdmin(admin.id), { driver: email.toUpperCase() });
    expect(new Set(all.rows.map((r) => r.id))).toEqual(new Set([...waiting, paid]));
    const byState = (t: { state: string }[]) => [...t].sort((x, y) => x.state.localeCompare(y.state));
    expect(byState(all.totals)).toEqual([
      { state: "PAID", count: 1, amountCents: 2_000 },
      { state: "REQUESTED", count: 2, amountCents: 2_200 },
    ]);
    const onlyPaid = await kit.payouts.listPayouts(asAdmin(admin.id), { driver: email, state: "PAID" });
    expect(onlyPaid.rows.map((r) => r.id)).toEqual([paid]);
    expect(onlyPaid.totals).toEqual([{ state: "PAID", count: 1, amountCents: 2_000 }]);
    expect((await kit.payouts.listPayouts(asAdmin(admin.id), { driver: `nobody-${uid()}@test.local` })).rows).toEqual(
      [],
    );

    const detail = await kit.payouts.getPayoutForAdmin(asAdmin(admin.id), paid);
    expect(detail.events.map((e) => e.stripeEventId)).toContain(paidEvent.id);
    expect(detail.events.find((e) => e.toState === "PAID")).toMatchObject({ stripeEventId: paidEvent.id });
  });
});

describe("the reconciliation", () => {
  type Found = { kind: string; payoutId: string | null; subject: string };
  const mine = (found: Found[], ids: string[]) => found.filter((m) => ids.includes(m.payoutId ?? m.subject));

  it("finds nothing wrong with a clean set, then stores each difference once a day", async () => {
    const a = await paidPayout(1_500);
    const b = await paidPayout(2_500);
    const ids = [a.id, b.id];
    // run within the second of the last transfer (Stripe's `created` is in whole seconds)
    const lastTransfer = Math.max(...kit.fake.control.objects.transfers().map((t) => t.created));
    const sameSecond = new Date(lastTransfer * 1000 + 999);
    expect(mine((await kit.payouts.unsafeReconcilePayouts(sameSecond)).mismatches, ids)).toEqual([]);
    const later = new Date(Date.now() + 1_000); // lists the stray transfer made below

    const stray = await kit.fake.client().transfers.create({
      amount: 700,
      currency: "usd",
      destination: a.driver.accountId,
      metadata: { payout_id: "po_unknown_x" },
    });
    const { amountCents } = await payoutOf(b.id);
    await testDb.payout.update({ where: { id: b.id }, data: { amountCents: amountCents + 1 } });
    try {
      const { mismatches } = await kit.payouts.unsafeReconcilePayouts(later);
      const found = mine(mismatches, [...ids, stray.id]).map((m) => [m.kind, m.subject]);
      expect(found).toEqual(
        expect.arrayContaining([
          ["unknown_transfer", stray.id],
          ["transfer_amount", b.id],
        ]),
      );
      const stored = () => testDb.payoutMismatch.findMany({ where: { subject: { in: [...ids, stray.id] } } });
      const first = await stored();
      expect(first.map((m) => m.kind)).toEqual(expect.arrayContaining(["unknown_transfer", "transfer_amount"]));
      await kit.payouts.unsafeReconcilePayouts(later);
      expect((await stored()).map((m) => m.id).sort()).toEqual(first.map((m) => m.id).sort());
    } finally {
      await testDb.payout.update({ where: { id: b.id }, data: { amountCents } });
    }
  });
});

describe("the ledger check", () => {
  const clearingMismatch = async () =>
    (await kit.ledger.checkLedger(testDb)).violations.filter((v) => v.kind === "payouts_clearing_mismatch");

  it("notices a payout whose amount no longer matches the money in clearing", async () => {
    const { actor } = await readyDriver(kit, 5_000);
    const { id } = await kit.payouts.requestCashOut(actor, standard(1_000), fakeMeta());
    expect(await clearingMismatch()).toEqual([]);
    await testDb.payout.update({ where: { id }, data: { amountCents: 1_001 } });
    try {
      expect(await clearingMismatch()).toEqual([expect.objectContaining({ id: "PAYOUTS_CLEARING" })]);
    } finally {
      await testDb.payout.update({ where: { id }, data: { amountCents: 1_000 } });
    }
    expect(await clearingMismatch()).toEqual([]);
    expect(await newViolations(baseline)).toEqual([]);
  });
});
