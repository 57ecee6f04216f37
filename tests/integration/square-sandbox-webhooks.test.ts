// Webhooks from the Square sandbox to a local receiver: signed over the configured notification URL
// (not the URL they are sent to), summaries for orders, retries, redelivery and revocation; plus the
// state file that keeps a dev sandbox across restarts, and the production refusal.
import { timingSafeEqual } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signSquareWebhook, startSquareSandbox } from "@/lib/integrations/square/sandbox/server";
import { startFakeSquare, type FakeSquare } from "../fakes/square";
import { caught, connectSeller } from "../support/square-sandbox";

type Received = { raw: string; headers: Record<string, string | string[] | undefined> };
const SIGNATURE_KEY = "sandbox-signature-key";
const NOTIFICATION_URL = "https://nerava.example/api/webhooks/square";

let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Statuses the receiver answers next, in order; 200 once they run out. */
const answers: number[] = [];
let fake: FakeSquare;

beforeAll(async () => {
  receiver = createServer(async (req, res) => {
    received.push({ raw: await text(req), headers: req.headers });
    res.writeHead(answers.shift() ?? 200).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/square`;
  fake = await startFakeSquare({
    webhook: { url: receiverUrl, signatureKey: SIGNATURE_KEY, notificationUrl: NOTIFICATION_URL },
  });
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const verifies = (r: Received, url: string) => {
  const expected = Buffer.from(signSquareWebhook(SIGNATURE_KEY, url, r.raw));
  const given = Buffer.from(String(r.headers["x-square-hmacsha256-signature"]));
  return expected.length === given.length && timingSafeEqual(expected, given);
};
const eventsOf = (orderId: string) =>
  received.map((r) => ({ r, body: JSON.parse(r.raw) })).filter(({ body }) => body.data?.id === orderId);

describe("webhook delivery", () => {
  it("order.created then order.updated, summaries only, signed over the notification URL", async () => {
    const { merchantId, locationId } = await connectSeller(fake);
    const order = fake.control.createOrder(merchantId, { locationId, totalCents: 1240, state: "COMPLETED" });
    await fake.control.webhooksSettled();
    const got = eventsOf(order.id);
    expect(
      got.map(({ body }) => [
        body.type,
        body.data.object.order_created?.version ?? body.data.object.order_updated?.version,
      ]),
    ).toEqual([
      ["order.created", 1],
      ["order.updated", 2],
    ]);
    const updated = got[1].body;
    expect(updated).toMatchObject({
      merchant_id: merchantId,
      event_id: expect.any(String),
      data: {
        type: "order",
        id: order.id,
        object: { order_updated: { order_id: order.id, state: "COMPLETED", location_id: locationId } },
      },
    });
    expect(updated.data.object.order_updated.total_money).toBeUndefined();
    expect(got[1].r.headers["square-environment"]).toBe("Sandbox");
    expect(verifies(got[1].r, NOTIFICATION_URL)).toBe(true);
    expect(verifies(got[1].r, receiverUrl)).toBe(false);
  });

  it("retries a non-2xx answer with Square's retry headers, and redelivers on request", async () => {
    const { merchantId, locationId } = await connectSeller(fake);
    answers.push(500, 503);
    const order = fake.control.createOrder(merchantId, { locationId, totalCents: 300, state: "OPEN" });
    await fake.control.webhooksSettled();
    const tries = eventsOf(order.id);
    expect(tries).toHaveLength(3);
    expect(tries.map(({ r }) => r.headers["square-retry-number"])).toEqual([undefined, "1", "2"]);
    expect(tries[1].r.headers["square-retry-reason"]).toBe("http_error");
    const eventId = tries[0].body.event_id;
    expect(new Set(tries.map(({ body }) => body.event_id))).toEqual(new Set([eventId]));
    const statuses = fake.control
      .deliveries()
      .filter((d) => d.eventId === eventId)
      .map((d) => d.status);
    expect(statuses).toEqual([500, 503, 200]);
    await fake.control.redeliver(eventId);
    expect(eventsOf(order.id)).toHaveLength(4);
  });

  it("refund.created and refund.updated follow a refund", async () => {
    const { merchantId, locationId } = await connectSeller(fake);
    const sale = fake.control.createOrder(merchantId, { locationId, totalCents: 800, state: "COMPLETED" });
    const { refund } = fake.control.refundOrder(sale.id);
    await fake.control.webhooksSettled();
    const refundEvents = eventsOf(refund.id).map(({ body }) => [body.type, body.data.object.refund.status]);
    expect(refundEvents).toEqual([
      ["refund.created", "PENDING"],
      ["refund.updated", "COMPLETED"],
    ]);
  });

  it("a seller revoking sends oauth.authorization.revoked, ends its tokens and its order events", async () => {
    const { merchantId, locationId, seller } = await connectSeller(fake);
    fake.control.revokeAuthorization(merchantId);
    await fake.control.webhooksSettled();
    const revoked = received
      .map((r) => JSON.parse(r.raw))
      .find((b) => b.type === "oauth.authorization.revoked" && b.merchant_id === merchantId);
    expect(revoked?.data).toMatchObject({ type: "revocation", object: { revocation: { revoker_type: "MERCHANT" } } });
    expect((await caught(seller.locations.list())).errors[0].code).toBe("ACCESS_TOKEN_REVOKED");
    const order = fake.control.createOrder(merchantId, { locationId, totalCents: 100, state: "OPEN" });
    await fake.control.webhooksSettled();
    expect(eventsOf(order.id)).toHaveLength(0);
    expect(
      fake.control
        .tokens()
        .filter((t) => t.merchantId === merchantId)
        .every((t) => t.revoked),
    ).toBe(true);
  });
});

describe("state file and environment", () => {
  it("keeps sellers, tokens and orders across a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "square-sandbox-"));
    const options = { applicationId: "app", applicationSecret: "secret", stateFile: path.join(dir, "state.json") };
    try {
      const first = await startFakeSquare(options);
      const { tokens, merchantId, locationId } = await connectSeller(first);
      const order = first.control.createOrder(merchantId, { locationId, totalCents: 4200, state: "COMPLETED" });
      await first.close();
      const second = await startFakeSquare(options);
      const { order: back } = await second.client(tokens.accessToken).orders.get({ orderId: order.id });
      expect([back?.version, back?.totalMoney?.amount]).toEqual([2, 4200n]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to start in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      await expect(startSquareSandbox({ applicationId: "a", applicationSecret: "s" })).rejects.toThrow(/production/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
