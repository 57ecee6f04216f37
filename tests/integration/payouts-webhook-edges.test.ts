import Stripe from "stripe";
import { beforeAll, expect, it } from "vitest";
import { testDb } from "../support/factories";
import { CONNECT_SECRET, newKey, payoutKitPerFile, readyDriver, type PayoutKit } from "../support/payouts";
import { fakeMeta } from "../support/factories";

// The edges of the Stripe receivers the probe found: timestamps from the future, objects Stripe does
// not know, bodies that are signed but not JSON, and a refused reversal left for a person.
const file = payoutKitPerFile();
let kit: PayoutKit;
beforeAll(() => void ({ kit } = file));

const connectEvent = (object: { id: string }, type = "payout.paid") => ({
  id: `evt_edge_${newKey().slice(-12)}`,
  object: "event",
  type,
  livemode: false,
  account: "acct_edge",
  data: { object },
});
const post = (payload: string, timestamp?: number) =>
  kit.webhooks.receiveWebhook(
    kit.payouts.stripeConnectWebhook(),
    payload,
    new Headers({
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: CONNECT_SECRET, timestamp }),
    }),
  );

it("refuses a signature dated in the future beyond the tolerance, as it refuses an old one", async () => {
  const payload = JSON.stringify(connectEvent({ id: "po_future" }));
  const now = Math.floor(Date.now() / 1000);
  await expect(post(payload, now + 400)).rejects.toMatchObject({ code: "bad_signature", status: 400 });
  await expect(post(payload, now - 400)).rejects.toMatchObject({ code: "bad_signature", status: 400 });
});

it("acknowledges an event whose object Stripe does not know, without storing or acting on it", async () => {
  const event = connectEvent({ id: "po_nobody_knows" });
  expect(await post(JSON.stringify(event))).toEqual({ ignored: true });
  expect(await testDb.webhookEvent.count({ where: { eventId: event.id } })).toBe(0);
});

it("says a signed body that is not JSON is not JSON (not that the signature is wrong)", async () => {
  await expect(post("{not json")).rejects.toMatchObject({
    code: "invalid_event",
    message: "The event body is not JSON.",
  });
});

it("a reversal Stripe refused waits for an admin: the sweep does not retry it on a timer", async () => {
  const { actor } = await readyDriver(kit, 5_000);
  const input = { amountCents: 2_000, method: "STANDARD" as const, idempotencyKey: newKey() };
  const { id } = await kit.payouts.requestCashOut(actor, input, fakeMeta());
  kit.fake.faults.next({
    method: "POST",
    path: /^\/v1\/payouts$/,
    kind: { status: 400, error: { code: "payouts_not_allowed", message: "no" } },
  });
  await kit.payouts.unsafeAdvancePayout(id);
  kit.fake.faults.next({
    method: "POST",
    path: /\/reversals$/,
    kind: { status: 400, error: { code: "balance_insufficient", message: "no" } },
  });
  expect(await kit.payouts.unsafeReverseFailedPayout(id)).toBe("needs attention");
  await testDb.payout.update({ where: { id }, data: { updatedAt: new Date(Date.now() - 3_600_000) } });
  const reversalsBefore = kit.fake.control.requests().filter((r) => r.path.endsWith("/reversals")).length;
  await kit.payouts.unsafeSweepPayouts();
  expect(kit.fake.control.requests().filter((r) => r.path.endsWith("/reversals")).length).toBe(reversalsBefore);
  expect(await testDb.payout.findUniqueOrThrow({ where: { id } })).toMatchObject({
    state: "FAILED",
    lastError: "reversal_refused: balance_insufficient",
  });
});
