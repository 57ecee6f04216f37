import { afterAll, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { receiveWebhook, type WebhookReceiver } from "@/lib/webhooks";
import { testDb, uid } from "../support/factories";

afterAll(() => testDb.$disconnect());

type Event = { id: string; type: string; account: string };

/** A Stripe-shaped receiver: the handler's write (an audit row) shares the event's transaction. */
function receiver(failures: { left: number }): WebhookReceiver<Event> {
  return {
    provider: "STRIPE",
    verifySignature: (_raw, headers) => headers.get("x-test-signature") === "good",
    parseEvent: (body) => body as Event,
    handlers: {
      "account.updated": async (event, tx) => {
        await recordAudit({ action: "test.webhook_handled", targetType: "test", targetId: event.account }, tx);
        if (failures.left-- > 0) throw new Error("injected handling failure");
        return { handled: event.id };
      },
    },
  };
}
const signed = new Headers({ "x-test-signature": "good" });
const handledRows = (account: string) =>
  testDb.auditLog.count({ where: { action: "test.webhook_handled", targetId: account } });
const eventRow = (eventId: string) =>
  testDb.webhookEvent.findUnique({ where: { provider_eventId: { provider: "STRIPE", eventId } } });

describe("receiveWebhook: one transaction for storing and handling", () => {
  it("rolls back a failed handling (5xx), handles the redelivery, and answers a duplicate without acting", async () => {
    const failures = { left: 1 };
    const account = `acct_${uid()}`;
    const body = JSON.stringify({ id: `evt_${uid()}`, type: "account.updated", account });
    await expect(receiveWebhook(receiver(failures), body, signed)).rejects.toMatchObject({
      status: 500,
      code: "webhook_failed",
    });
    expect(await eventRow(JSON.parse(body).id)).toBeNull();
    expect(await handledRows(account)).toBe(0);

    expect(await receiveWebhook(receiver(failures), body, signed)).toEqual({ handled: JSON.parse(body).id });
    expect(await handledRows(account)).toBe(1);
    expect((await eventRow(JSON.parse(body).id))?.processedAt).toBeInstanceOf(Date);

    expect(await receiveWebhook(receiver(failures), body, signed)).toEqual({ duplicate: true });
    expect(await handledRows(account)).toBe(1);

    const sameBodyNewId = JSON.stringify({ id: `evt_${uid()}`, type: "account.updated", account });
    expect(await receiveWebhook(receiver(failures), sameBodyNewId, signed)).toMatchObject({
      handled: expect.any(String),
    });
    expect(await handledRows(account)).toBe(2);
  });

  it("refuses a bad signature (400) and acknowledges types outside the allowlist without storing them", async () => {
    const body = JSON.stringify({ id: `evt_${uid()}`, type: "account.updated", account: "a" });
    await expect(receiveWebhook(receiver({ left: 0 }), body, new Headers())).rejects.toMatchObject({ status: 400 });
    const other = JSON.stringify({ id: `evt_${uid()}`, type: "charge.refunded", account: "a" });
    expect(await receiveWebhook(receiver({ left: 0 }), other, signed)).toEqual({ ignored: true });
    expect(await eventRow(JSON.parse(other).id)).toBeNull();
    // inherited object keys are not event types
    const proto = JSON.stringify({ id: `evt_${uid()}`, type: "toString", account: "a" });
    expect(await receiveWebhook(receiver({ left: 0 }), proto, signed)).toEqual({ ignored: true });
  });
});
