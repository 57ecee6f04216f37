// Orders in the Square sandbox through the real SDK (money arrives as bigint): sales made by control
// calls, search by closed_at window and state with cursors, versions, refunds as return orders,
// customers and payments.
import type { SquareClient } from "square";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSquare, type FakeSquare } from "../fakes/square";
import { caught, connectSeller } from "../support/square-sandbox";

let fake: FakeSquare;
let seller: SquareClient;
let merchantId: string;
let locationId: string;

beforeAll(async () => {
  fake = await startFakeSquare();
  ({ seller, merchantId, locationId } = await connectSeller(fake));
});
afterAll(() => fake.close());

const HOUR = 3_600_000;
const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

describe("orders", () => {
  it("a completed sale: version 2, closed_at, card tender, customer phone, bigint money", async () => {
    const made = fake.control.createOrder(merchantId, {
      locationId,
      totalCents: 1240,
      customerPhone: "+15125550100",
      cardFingerprint: "sq-1-known-card",
      state: "COMPLETED",
    });
    const { order } = await seller.orders.get({ orderId: made.id });
    expect(order).toMatchObject({
      id: made.id,
      locationId,
      state: "COMPLETED",
      version: 2,
      totalMoney: { amount: 1240n, currency: "USD" },
      netAmountDueMoney: { amount: 0n, currency: "USD" },
      closedAt: expect.any(String),
      source: { name: "Square Point of Sale" },
    });
    const card = order!.tenders![0].cardDetails!.card!;
    expect([card.fingerprint, card.last4]).toEqual(["sq-1-known-card", "4242"]);
    const { customer } = await seller.customers.get({ customerId: order!.customerId! });
    expect(customer?.phoneNumber).toBe("+15125550100");
    const { payment } = await seller.payments.get({ paymentId: order!.tenders![0].paymentId! });
    expect(payment).toMatchObject({ orderId: made.id, status: "COMPLETED", totalMoney: { amount: 1240n } });
  });

  it("updates bump the version the API shows", async () => {
    const made = fake.control.createOrder(merchantId, { locationId, totalCents: 500, state: "OPEN" });
    expect((await seller.orders.get({ orderId: made.id })).order).toMatchObject({ version: 1, state: "OPEN" });
    fake.control.updateOrder(made.id, { state: "COMPLETED" });
    const { order } = await seller.orders.get({ orderId: made.id });
    expect(order).toMatchObject({ version: 2, state: "COMPLETED", closedAt: expect.any(String) });
    const batch = await seller.orders.batchGet({ orderIds: [made.id, "NOPE"] });
    expect(batch.orders?.map((o) => [o.id, o.version])).toEqual([[made.id, 2]]);
  });

  it("a refund is a return order linked to the sale, and the sale lists the refund", async () => {
    const sale = fake.control.createOrder(merchantId, { locationId, totalCents: 2000, state: "COMPLETED" });
    const { returnOrder, refund } = fake.control.refundOrder(sale.id, 750);
    const { order: back } = await seller.orders.get({ orderId: returnOrder.id });
    expect(back).toMatchObject({
      state: "COMPLETED",
      returns: [expect.objectContaining({ sourceOrderId: sale.id })],
      returnAmounts: { totalMoney: { amount: 750n, currency: "USD" } },
    });
    const { order: updated } = await seller.orders.get({ orderId: sale.id });
    expect(updated?.version).toBe(3);
    expect(updated?.refunds?.map((r) => [r.id, r.amountMoney?.amount])).toEqual([[refund.id, 750n]]);
    expect(() => fake.control.refundOrder(sale.id, 1251)).toThrow(/1 to 1250 cents/);
    fake.control.refundOrder(sale.id);
    expect(() => fake.control.refundOrder(sale.id)).toThrow();
  });

  it("another seller's order, or an unknown one, is 404 NOT_FOUND", async () => {
    const other = await connectSeller(fake);
    const theirs = fake.control.createOrder(other.merchantId, {
      locationId: other.locationId,
      totalCents: 100,
      state: "COMPLETED",
    });
    const err = await caught(seller.orders.get({ orderId: theirs.id }));
    expect([err.statusCode, err.errors[0]]).toEqual([
      404,
      expect.objectContaining({ category: "INVALID_REQUEST_ERROR", code: "NOT_FOUND" }),
    ]);
  });
});

describe("search", () => {
  it("finds COMPLETED orders closed in a window, page by page with the same query", async () => {
    const fresh = await connectSeller(fake);
    const make = (msAgo: number, state: "OPEN" | "COMPLETED" = "COMPLETED") =>
      fake.control.createOrder(fresh.merchantId, {
        locationId: fresh.locationId,
        totalCents: 100 + msAgo / HOUR,
        state,
        closedAt: at(msAgo),
      });
    const inside = [make(1 * HOUR), make(2 * HOUR), make(3 * HOUR)];
    make(10 * HOUR); // before the window
    make(2 * HOUR, "OPEN"); // not completed
    const query = {
      filter: {
        dateTimeFilter: { closedAt: { startAt: at(5 * HOUR), endAt: at(0) } },
        stateFilter: { states: ["COMPLETED" as const] },
      },
      sort: { sortField: "CLOSED_AT" as const, sortOrder: "ASC" as const },
    };
    const first = await fresh.seller.orders.search({ locationIds: [fresh.locationId], query, limit: 2 });
    expect(first.orders?.map((o) => o.id)).toEqual([inside[2].id, inside[1].id]);
    expect(first.cursor).toBeTruthy();
    const second = await fresh.seller.orders.search({
      locationIds: [fresh.locationId],
      query,
      limit: 2,
      cursor: first.cursor,
    });
    expect(second.orders?.map((o) => o.id)).toEqual([inside[0].id]);
    expect(second.cursor).toBeUndefined();

    const changed = await caught(
      fresh.seller.orders.search({ locationIds: [fresh.locationId], limit: 2, cursor: first.cursor }),
    );
    expect([changed.statusCode, changed.errors[0].code]).toEqual([400, "INVALID_CURSOR"]);
  });

  it("an offline order closed hours ago is found by its own closed_at", async () => {
    const fresh = await connectSeller(fake);
    const late = fake.control.createOrder(fresh.merchantId, {
      locationId: fresh.locationId,
      totalCents: 900,
      state: "COMPLETED",
      closedAt: at(48 * HOUR),
      source: "offline",
    });
    const found = await fresh.seller.orders.search({
      locationIds: [fresh.locationId],
      query: {
        filter: { dateTimeFilter: { closedAt: { startAt: at(49 * HOUR), endAt: at(47 * HOUR) } } },
        sort: { sortField: "CLOSED_AT" },
      },
    });
    expect(found.orders?.map((o) => [o.id, o.closedAt, o.source?.name])).toEqual([
      [late.id, late.closed_at, "Square Point of Sale (offline)"],
    ]);
  });

  it("refuses more than 10 locations, another seller's location, and a filter on another field than the sort", async () => {
    const eleven = Array.from({ length: 11 }, () => locationId);
    expect((await caught(seller.orders.search({ locationIds: eleven }))).errors[0].code).toBe("INVALID_VALUE");
    const other = await connectSeller(fake);
    expect((await caught(seller.orders.search({ locationIds: [other.locationId] }))).statusCode).toBe(404);
    const mismatch = await caught(
      seller.orders.search({
        locationIds: [locationId],
        query: { filter: { dateTimeFilter: { closedAt: { startAt: at(HOUR) } } } },
      }),
    );
    expect(mismatch.errors[0]).toMatchObject({ code: "INVALID_VALUE", field: "query.sort.sort_field" });
  });
});
