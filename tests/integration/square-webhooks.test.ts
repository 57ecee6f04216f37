// Square's webhooks into the app: the signature over the configured URL, the order fetched from the
// Square fake through the real SDK, the newest version kept whatever the delivery order, refunds,
// revocation; and "simulate a purchase" through the twin's door and back through the webhook route.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signSquareWebhook, type SquareEvent } from "@/lib/integrations/square/sandbox/server";
import { startFakeSquare, type FakeSquare } from "../fakes/square";
import { onPostgresServer } from "../support/env";
import { asDriver, asMerchant, createMerchant, createUser, randomPhone, testDb, uid } from "../support/factories";
import { chargingSession, driverWithPhone, topUp } from "../support/purchases";
import { call } from "../support/request";
import { connectSeller } from "../support/square-sandbox";

const KEY = "square-signature-key-test";
const NOTIFICATION_URL = "https://nerava.example/api/webhooks/square";
const HOUR = 3_600_000;

let fake: FakeSquare;
let forwarder: Server;
/** When on, the twin's deliveries go through the app's webhook route; otherwise they are just acknowledged. */
let forward = false;
let square: typeof import("@/lib/square");
let webhooks: typeof import("@/lib/webhooks");
let crypto: typeof import("@/lib/crypto");
let POST: typeof import("@/app/api/webhooks/square/route").POST;

beforeAll(async () => {
  forwarder = createServer(async (req, res) => {
    const body = await text(req);
    if (!forward) return void res.writeHead(200).end();
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])),
    );
    const answer = await call(POST, { method: "POST", path: `http://127.0.0.1${req.url}`, body, headers });
    res.writeHead(answer.status).end(await answer.text());
  });
  await new Promise<void>((resolve) => forwarder.listen(0, "127.0.0.1", resolve));
  const port = (forwarder.address() as AddressInfo).port;
  fake = await startFakeSquare({
    webhook: {
      url: `http://127.0.0.1:${port}/api/webhooks/square`,
      signatureKey: KEY,
      notificationUrl: NOTIFICATION_URL,
    },
  });
  vi.stubEnv("SQUARE_API_BASE", fake.url);
  vi.stubEnv("SQUARE_APPLICATION_ID", fake.applicationId);
  vi.stubEnv("SQUARE_APPLICATION_SECRET", fake.applicationSecret);
  vi.stubEnv("SQUARE_WEBHOOK_SIGNATURE_KEY", KEY);
  vi.stubEnv("SQUARE_WEBHOOK_URL", NOTIFICATION_URL);
  [square, webhooks, crypto, { POST }] = await Promise.all([
    import("@/lib/square"),
    import("@/lib/webhooks"),
    import("@/lib/crypto"),
    import("@/app/api/webhooks/square/route"),
  ]);
  await (await import("@/lib/jobs")).jobsReady();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake?.close();
  await new Promise((resolve) => forwarder.close(resolve));
  await (await import("@/lib/jobs")).stopWorkers();
  await testDb.$disconnect();
});

/** A Nerava merchant connected to a new Square seller, with the seller's location as its MerchantLocation. */
async function connected({ withLocation = true } = {}) {
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const { tokens, merchantId: sq, locationId } = await connectSeller(fake);
  await testDb.squareConnection.create({
    data: {
      merchantId: merchant.id,
      squareMerchantId: sq,
      accessTokenEnc: crypto.encryptToken(tokens.accessToken!),
      refreshTokenEnc: crypto.encryptToken(tokens.refreshToken!),
      expiresAt: new Date(tokens.expiresAt!),
      scopes: ["MERCHANT_PROFILE_READ", "ORDERS_READ", "PAYMENTS_READ", "CUSTOMERS_READ"],
    },
  });
  if (withLocation)
    await testDb.merchantLocation.create({
      data: { merchantId: merchant.id, squareLocationId: locationId, name: "Shop" },
    });
  return { owner, merchant, sq, locationId };
}

const signedHeaders = (body: string, url = NOTIFICATION_URL) =>
  new Headers({ "x-square-hmacsha256-signature": signSquareWebhook(KEY, url, body) });
const deliver = (event: SquareEvent) => {
  const body = JSON.stringify(event);
  return webhooks.receiveWebhook(square.squareWebhook(), body, signedHeaders(body));
};
const eventsFor = (id: string) => fake.control.events().filter((e) => e.data.id === id);
const renamed = (event: SquareEvent): SquareEvent => ({ ...event, event_id: randomUUID() });
const orderRow = (squareOrderId: string) => testDb.squareOrder.findUnique({ where: { squareOrderId } });
const eventRows = (eventId: string) => testDb.webhookEvent.count({ where: { provider: "SQUARE", eventId } });

describe("signature", () => {
  it("accepts a body signed over the configured URL, whatever URL the request arrives at; refuses all else", async () => {
    const { sq, locationId } = await connected();
    const order = fake.control.createOrder(sq, { locationId, totalCents: 990, state: "COMPLETED" });
    const [created] = eventsFor(order.id);
    const body = JSON.stringify(created);
    const post = (raw: string, headers: Record<string, string>) =>
      call(POST, { method: "POST", path: "http://127.0.0.1:4321/api/webhooks/square", body: raw, headers });
    const sign = (url: string, raw = body) => ({ "x-square-hmacsha256-signature": signSquareWebhook(KEY, url, raw) });

    const tampered = body.replace('"version":1', '"version":9');
    for (const [raw, headers] of [
      [body, sign("http://127.0.0.1:4321/api/webhooks/square")],
      [body, sign(`${NOTIFICATION_URL}/`)],
      [tampered, sign(NOTIFICATION_URL)],
      [body, {}],
      [body, { "x-square-hmacsha256-signature": "" }],
    ] as const) {
      const res = await post(raw, headers);
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe("bad_signature");
    }
    // a body over a megabyte is refused before it is read in full, signed or not
    const huge = body.replace("}", `,"pad":"${"x".repeat(1024 * 1024)}"}`);
    const big = await post(huge, sign(NOTIFICATION_URL, huge));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("payload_too_large");
    expect(await eventRows(created.event_id)).toBe(0);
    expect(await orderRow(order.id)).toBeNull();

    const res = await post(body, sign(NOTIFICATION_URL));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ order: order.id, version: 2, state: "COMPLETED", stored: true });
    expect(await eventRows(created.event_id)).toBe(1);
  });
});

describe("ingestion", () => {
  it("created (OPEN v1) then updated (COMPLETED v2): the row follows to v2; a duplicate does nothing", async () => {
    const { sq, locationId, merchant } = await connected();
    const order = fake.control.createOrder(sq, { locationId, totalCents: 400, state: "OPEN" });
    const [created] = eventsFor(order.id);
    expect(await deliver(created)).toMatchObject({ version: 1, state: "OPEN", stored: true, settled: null });
    fake.control.updateOrder(order.id, { state: "COMPLETED" });
    const [, updated] = eventsFor(order.id);
    expect(await deliver(updated)).toMatchObject({ version: 2, state: "COMPLETED", stored: true });
    const row = await orderRow(order.id);
    expect(row).toMatchObject({ merchantId: merchant.id, version: 2, state: "COMPLETED", totalCents: 400 });
    expect(await deliver(updated)).toEqual({ duplicate: true });
    expect(await eventRows(updated.event_id)).toBe(1);
  });

  it("out of order (v2 first, then v1) stays at v2; a new event id is handled again without changing the row", async () => {
    const { sq, locationId } = await connected();
    const order = fake.control.createOrder(sq, { locationId, totalCents: 1240, state: "COMPLETED" });
    const [created, updated] = eventsFor(order.id);
    expect(await deliver(updated)).toMatchObject({ version: 2, stored: true });
    const first = await orderRow(order.id);
    // the order is fetched as it is now (v2), so the late v1 event stores nothing older
    expect(await deliver(created)).toMatchObject({ version: 2, state: "COMPLETED", stored: false });
    // settled on every delivery (idempotent): no driver charged nearby, so nothing to pay
    expect(await deliver(renamed(updated))).toMatchObject({ version: 2, stored: false, settled: "UNMATCHED" });
    expect(await orderRow(order.id)).toEqual(first);
    expect(first).toMatchObject({ version: 2, state: "COMPLETED", totalCents: 1240 });
  });

  it("an older fetched version never overwrites a newer row", async () => {
    const { sq, locationId, merchant } = await connected();
    const order = fake.control.createOrder(sq, { locationId, totalCents: 700, state: "COMPLETED" });
    fake.control.updateOrder(order.id, { totalCents: 650 }); // v3 at Square
    const events = eventsFor(order.id);
    expect(await deliver(events[2])).toMatchObject({ version: 3, stored: true });
    // pretend our row had been written at v5 by a later fetch: a v3 fetch must leave it alone
    await testDb.squareOrder.update({ where: { squareOrderId: order.id }, data: { version: 5, totalCents: 1 } });
    expect(await deliver(renamed(events[1]))).toMatchObject({ version: 5, stored: false });
    expect(await orderRow(order.id)).toMatchObject({ version: 5, totalCents: 1, merchantId: merchant.id });
  });

  it("stores the customer's phone (E.164) and the card fingerprint", async () => {
    const { sq, locationId } = await connected();
    const order = fake.control.createOrder(sq, {
      locationId,
      totalCents: 1500,
      customerPhone: "+15125550199",
      cardFingerprint: "sq-1-driver-card",
      state: "COMPLETED",
    });
    await deliver(eventsFor(order.id)[1]);
    expect(await orderRow(order.id)).toMatchObject({
      customerPhone: "+15125550199",
      cardFingerprint: "sq-1-driver-card",
      currency: "USD",
    });
  });

  it("an offline order closed 5 h ago keeps its own time; one older than the late limit is stored, not settled", async () => {
    const { sq, locationId } = await connected();
    const closedAt = new Date(Date.now() - 5 * HOUR);
    const offline = fake.control.createOrder(sq, {
      locationId,
      totalCents: 820,
      state: "COMPLETED",
      closedAt,
      source: "offline",
    });
    expect(await deliver(eventsFor(offline.id)[1])).toMatchObject({ stored: true, settled: "UNMATCHED" });
    const row = await orderRow(offline.id);
    expect(await testDb.purchaseReward.count({ where: { orderId: row!.id } })).toBe(1);
    expect(row?.orderedAt.toISOString()).toBe(closedAt.toISOString());
    expect(row?.closedAt?.toISOString()).toBe(closedAt.toISOString());

    const late = fake.control.createOrder(sq, {
      locationId,
      totalCents: 820,
      state: "COMPLETED",
      closedAt: new Date(Date.now() - 80 * HOUR),
      source: "offline",
    });
    const answer = await deliver(eventsFor(late.id)[1]);
    expect(answer).toMatchObject({ stored: true, late: true });
    expect(answer).not.toHaveProperty("settled");
    const lateRow = await orderRow(late.id);
    expect(lateRow).toMatchObject({ state: "COMPLETED", totalCents: 820 });
    expect(await testDb.purchaseReward.count({ where: { orderId: lateRow!.id } })).toBe(0);
  });

  it("a refund updates the sale's refunded amount (refund events name the return order)", async () => {
    const { sq, locationId } = await connected();
    const sale = fake.control.createOrder(sq, { locationId, totalCents: 1000, state: "COMPLETED" });
    await deliver(eventsFor(sale.id)[1]);
    const { refund, returnOrder } = fake.control.refundOrder(sale.id, 300);
    const refundCreated = eventsFor(refund.id)[0];
    expect(refundCreated.type).toBe("refund.created");
    expect(await deliver(refundCreated)).toMatchObject({ order: sale.id, version: 3, stored: true });
    expect(await orderRow(sale.id)).toMatchObject({ version: 3, totalCents: 1000, refundedCents: 300 });
    // the return order's own order.created stands for the sale too, and stores no row of its own
    expect(await deliver(eventsFor(returnOrder.id)[0])).toMatchObject({ order: sale.id, stored: false });
    expect(await orderRow(returnOrder.id)).toBeNull();
  });

  it("ignores orders at a location that is not the seller's MerchantLocation, and unknown sellers", async () => {
    const bare = await connected({ withLocation: false });
    const order = fake.control.createOrder(bare.sq, { locationId: bare.locationId, totalCents: 100, state: "OPEN" });
    expect(await deliver(eventsFor(order.id)[0])).toEqual({ ignored: "unknown_location" });
    expect(await orderRow(order.id)).toBeNull();

    // the location is on file, but under another Nerava merchant
    const other = await createMerchant();
    await testDb.merchantLocation.create({
      data: { merchantId: other.id, squareLocationId: bare.locationId, name: "Not theirs" },
    });
    expect(await deliver(renamed(eventsFor(order.id)[0]))).toEqual({ ignored: "unknown_location" });
    expect(await orderRow(order.id)).toBeNull();

    const stranger = { ...renamed(eventsFor(order.id)[0]), merchant_id: `MLstranger${uid()}` };
    expect(await deliver(stranger)).toEqual({ ignored: true });
    expect(await eventRows(stranger.event_id)).toBe(0);
  });

  it("an order fetch answering 500 is a 5xx with no event stored (so the redelivery is handled); 404 is ignored", async () => {
    const { sq, locationId } = await connected();
    const order = fake.control.createOrder(sq, { locationId, totalCents: 555, state: "COMPLETED" });
    const updated = eventsFor(order.id)[1];
    fake.faults.next({ method: "GET", path: /^\/v2\/orders\//, kind: { status: 500 } });
    await expect(deliver(updated)).rejects.toMatchObject({ code: "webhook_failed", status: 500 });
    expect(await eventRows(updated.event_id)).toBe(0);
    expect(await orderRow(order.id)).toBeNull();
    expect(await deliver(updated)).toMatchObject({ version: 2, stored: true });

    const missing = renamed(updated);
    missing.data = { ...missing.data, id: "NoSuchOrder123", object: { order_updated: { order_id: "NoSuchOrder123" } } };
    expect(await deliver(missing)).toEqual({ ignored: true });
    expect(await eventRows(missing.event_id)).toBe(0);
  });

  it("refuses envelopes that are not Square's (400 invalid_event)", async () => {
    for (const event of [{}, { type: "order.updated", event_id: "e" }, { merchant_id: "m", type: 1 }]) {
      const body = JSON.stringify(event);
      await expect(webhooks.receiveWebhook(square.squareWebhook(), body, signedHeaders(body))).rejects.toMatchObject({
        code: "invalid_event",
      });
    }
  });

  it("a revocation marks the connection RECONNECT_REQUIRED", async () => {
    const { sq, merchant } = await connected();
    fake.control.revokeAuthorization(sq);
    const revoked = fake.control
      .events()
      .find((e) => e.type === "oauth.authorization.revoked" && e.merchant_id === sq)!;
    expect(await deliver(revoked)).toEqual({ reconnectRequired: 1 });
    const conn = await testDb.squareConnection.findUniqueOrThrow({ where: { merchantId: merchant.id } });
    expect(conn.status).toBe("RECONNECT_REQUIRED");
    expect(conn.statusReason).toMatch(/revoked/);
  });
});

describe.runIf(onPostgresServer)("concurrency", () => {
  it("10 concurrent deliveries of one order under different event ids: one row at the newest version", async () => {
    const { sq, locationId } = await connected();
    const order = fake.control.createOrder(sq, { locationId, totalCents: 2500, state: "COMPLETED" });
    const [created, updated] = eventsFor(order.id);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => deliver(renamed(i % 2 ? created : updated))),
    );
    expect(answers.filter((a) => a.stored === true)).toHaveLength(1);
    expect(answers.every((a) => a.version === 2)).toBe(true);
    expect(await testDb.squareOrder.count({ where: { squareOrderId: order.id } })).toBe(1);
    expect(await orderRow(order.id)).toMatchObject({ version: 2, state: "COMPLETED", totalCents: 2500 });
  });
});

describe("simulate a purchase (sandbox)", () => {
  it("rings up a completed sale at the merchant's location, delivered back through the webhook route", async () => {
    const { owner, merchant, sq, locationId } = await connected();
    const staff = await createUser({ role: "MERCHANT" });
    await testDb.merchantMember.create({ data: { merchantId: merchant.id, userId: staff.id, role: "STAFF" } });
    forward = true;
    try {
      const sold = await square.simulateSquarePurchase(asMerchant(owner.id), merchant.id, {
        totalCents: 1240,
        phone: "(512) 555-0142",
      });
      // staff may not: a matched sale spends the merchant's prepaid cash
      await expect(
        square.simulateSquarePurchase(asMerchant(staff.id), merchant.id, { totalCents: 300 }),
      ).rejects.toMatchObject({ status: 403 });
      const bySt = await square.simulateSquarePurchase(asMerchant(owner.id), merchant.id, { totalCents: 300 });
      await fake.control.webhooksSettled();
      const made = fake.control.events().find((e) => e.data.id === sold.orderId);
      expect(made?.merchant_id).toBe(sq);
      expect(await orderRow(sold.orderId)).toMatchObject({
        merchantId: merchant.id,
        squareLocationId: locationId,
        state: "COMPLETED",
        version: 2,
        totalCents: 1240,
        customerPhone: "+15125550142",
      });
      expect(await orderRow(bySt.orderId)).toMatchObject({ state: "COMPLETED", totalCents: 300 });
      const audit = await testDb.auditLog.count({
        where: { action: "square.simulate_purchase", targetId: merchant.id },
      });
      expect(audit).toBe(2);
    } finally {
      forward = false;
    }
  });

  it("a sale with the phone of a driver charging next door pays them; Square's full refund takes it back", async () => {
    const { owner, merchant, sq } = await connected();
    const charger = await testDb.charger.create({
      data: { externalId: `c-${uid()}`, name: "Plaza", address: "1 Test St", latitude: 31, longitude: -98 },
    });
    await testDb.merchant.update({ where: { id: merchant.id }, data: { chargerId: charger.id } });
    await topUp(merchant.id, 5_000);
    const phone = randomPhone();
    const driver = await driverWithPhone(phone);
    await chargingSession(driver.id, charger.id, { minutesAgo: 30, lasted: null, status: "ACTIVE" });
    forward = true;
    try {
      const sold = await square.simulateSquarePurchase(asMerchant(owner.id), merchant.id, { totalCents: 1240, phone });
      await fake.control.webhooksSettled();
      const row = await orderRow(sold.orderId);
      const reward = await testDb.purchaseReward.findUniqueOrThrow({ where: { orderId: row!.id } });
      expect(reward).toMatchObject({ driverId: driver.id, strength: "PHONE", status: "PENDING" });

      fake.control.refundOrder(sold.orderId);
      await fake.control.webhooksSettled();
      expect(await orderRow(sold.orderId)).toMatchObject({ refundedCents: 1240, version: 3 });
      expect(await testDb.purchaseReward.findUniqueOrThrow({ where: { orderId: row!.id } })).toMatchObject({
        status: "REVERSED",
      });
      // every delivery answered 2xx (none left to retry)
      const failed = fake.control.deliveries().filter((d) => d.status !== 200 && d.eventId);
      expect(
        failed.filter((d) => fake.control.events().some((e) => e.event_id === d.eventId && e.merchant_id === sq)),
      ).toEqual([]);
    } finally {
      forward = false;
    }
  });

  it("refuses drivers (403), outsiders (404), bad amounts and phones, and Square itself", async () => {
    const { merchant } = await connected();
    const driver = await createUser();
    const outsider = await createUser({ role: "MERCHANT" });
    await createMerchant(outsider.id);
    const owner = (await testDb.merchantMember.findFirstOrThrow({ where: { merchantId: merchant.id } })).userId;
    const before = fake.control.events().length;
    await expect(
      square.simulateSquarePurchase(asDriver(driver.id), merchant.id, { totalCents: 100 }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      square.simulateSquarePurchase(asMerchant(outsider.id), merchant.id, { totalCents: 100 }),
    ).rejects.toMatchObject({ status: 404 });
    for (const input of [{ totalCents: 0 }, { totalCents: 100_001 }, { totalCents: 100, phone: "call me" }])
      await expect(square.simulateSquarePurchase(asMerchant(owner), merchant.id, input)).rejects.toMatchObject({
        code: "invalid_input",
      });
    expect(fake.control.events().length).toBe(before);

    const { config } = await import("@/lib/config");
    expect(square.squareTwinInUse(config())).toBe(true);
    expect(square.squareTwinInUse({ ...config(), SQUARE_API_BASE: "https://nerava-twin.example.com" })).toBe(false);
    expect(square.squareTwinInUse({ ...config(), SQUARE_API_BASE: "https://connect.squareupsandbox.com" })).toBe(false);
    vi.stubEnv("SQUARE_API_BASE", "https://connect.squareup.com");
    vi.stubEnv("SQUARE_WEBHOOK_SIGNATURE_KEY", "");
    vi.resetModules();
    try {
      const fresh = await import("@/lib/square");
      await expect(
        fresh.simulateSquarePurchase(asMerchant(owner), merchant.id, { totalCents: 100 }),
      ).rejects.toMatchObject({ code: "not_configured" });
      expect(() => fresh.squareWebhook()).toThrow(expect.objectContaining({ code: "not_configured" }));
    } finally {
      vi.stubEnv("SQUARE_API_BASE", fake.url);
      vi.stubEnv("SQUARE_WEBHOOK_SIGNATURE_KEY", KEY);
    }
    expect(fake.control.events().length).toBe(before);
  });
});
