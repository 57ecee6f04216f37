// The twin's own door for "simulate a purchase": POST /_sandbox/orders with the seller's Bearer token
// rings up a completed sale at that seller's location (never another's) and sends its order webhooks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSquare, type FakeSquare } from "../fakes/square";
import { connectSeller } from "../support/square-sandbox";

let fake: FakeSquare;

beforeAll(async () => {
  fake = await startFakeSquare();
});
afterAll(() => fake.close());

const sell = (token: string | undefined, body: unknown) =>
  fetch(`${fake.url}/_sandbox/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });

describe("POST /_sandbox/orders", () => {
  it("rings up a completed sale for the token's seller, fetchable through the SDK, with its events", async () => {
    const { tokens, seller, merchantId, locationId } = await connectSeller(fake);
    const res = await sell(tokens.accessToken, {
      location_id: locationId,
      total_cents: 1240,
      customer_phone: "+15125550123",
      card_fingerprint: "sq-1-sim-card",
    });
    expect(res.status).toBe(200);
    const { order } = await res.json();
    expect(order).toMatchObject({ location_id: locationId, state: "COMPLETED", version: 2 });
    const { order: fetched } = await seller.orders.get({ orderId: order.id });
    expect(fetched?.totalMoney?.amount).toBe(1240n);
    expect(fetched?.tenders?.[0].cardDetails?.card?.fingerprint).toBe("sq-1-sim-card");
    expect(fake.control.customer(fetched!.customerId!)?.phone_number).toBe("+15125550123");
    const events = fake.control.events().filter((e) => e.data.id === order.id);
    expect(events.map((e) => [e.type, e.merchant_id])).toEqual([
      ["order.created", merchantId],
      ["order.updated", merchantId],
    ]);
  });

  it("keeps an offline sale's own closed_at", async () => {
    const { tokens, locationId } = await connectSeller(fake);
    const closedAt = new Date(Date.now() - 5 * 3_600_000).toISOString();
    const res = await sell(tokens.accessToken, { location_id: locationId, total_cents: 500, closed_at: closedAt });
    const { order } = await res.json();
    expect([order.closed_at, order.created_at]).toEqual([closedAt, closedAt]);
  });

  it("refuses no token, another seller's location and bad amounts, making no order", async () => {
    const mine = await connectSeller(fake);
    const other = await connectSeller(fake);
    const before = Object.keys(fake.control.events()).length;
    expect((await sell(undefined, { location_id: mine.locationId, total_cents: 100 })).status).toBe(401);
    expect((await sell(mine.tokens.accessToken, { location_id: other.locationId, total_cents: 100 })).status).toBe(404);
    for (const total_cents of [0, -5, 1.5, "100", 10_000_001])
      expect((await sell(mine.tokens.accessToken, { location_id: mine.locationId, total_cents })).status).toBe(400);
    const future = new Date(Date.now() + 60_000).toISOString();
    const late = { location_id: mine.locationId, total_cents: 100, closed_at: future };
    expect((await sell(mine.tokens.accessToken, late)).status).toBe(400);
    expect(
      (await sell(mine.tokens.accessToken, { location_id: mine.locationId, total_cents: 1, customer_phone: "x" }))
        .status,
    ).toBe(400);
    expect(fake.control.events().length).toBe(before);
  });
});
