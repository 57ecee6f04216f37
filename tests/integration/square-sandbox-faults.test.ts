// Injected faults, seen through the real SDK as the app will see them: square@46 throws SquareError
// for all of them — with statusCode and Square's `errors` for a JSON error, statusCode and the raw
// HTML as `body` for a proxy's page, and no statusCode for a dropped connection or a timeout.
import { SquareError, type SquareClient } from "square";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
afterEach(() => fake.faults.clear());
afterAll(() => fake.close());

const SEARCH = /^\/v2\/orders\/search$/;
const TOKEN = /^\/oauth2\/token$/;
const search = () => seller.orders.search({ locationIds: [locationId] });

describe("faults through the SDK", () => {
  it("a JSON error: SquareError with its status and Square's errors", async () => {
    fake.faults.next({
      path: SEARCH,
      kind: { status: 403, errors: [{ category: "AUTHENTICATION_ERROR", code: "INSUFFICIENT_SCOPES", detail: "No." }] },
    });
    const err = await caught(search());
    expect(err).toBeInstanceOf(SquareError);
    expect([err.statusCode, err.errors]).toEqual([
      403,
      [{ category: "AUTHENTICATION_ERROR", code: "INSUFFICIENT_SCOPES", detail: "No." }],
    ]);
    expect(fake.faults.pending()).toBe(0);
  });

  it("a 429 without errors given is RATE_LIMITED, tried once with retries off", async () => {
    fake.faults.next({ method: "POST", path: SEARCH, kind: { status: 429 } });
    const before = fake.control.requests().length;
    const err = await caught(search());
    expect([err.statusCode, err.errors[0].category, err.errors[0].code]).toEqual([
      429,
      "RATE_LIMIT_ERROR",
      "RATE_LIMITED",
    ]);
    expect(fake.control.requests().length - before).toBe(1);
  });

  it("a 5xx HTML page on refresh: statusCode 502, the HTML as body, no Square errors", async () => {
    const { tokens } = await connectSeller(fake);
    fake.faults.next({ path: TOKEN, kind: { status: 502, html: true } });
    const refresh = () =>
      fake.client().oAuth.obtainToken({
        clientId: fake.applicationId,
        clientSecret: fake.applicationSecret,
        refreshToken: tokens.refreshToken,
        grantType: "refresh_token",
      });
    const err = await caught(refresh());
    expect(err.statusCode).toBe(502);
    expect(String(err.body)).toMatch(/<html>/);
    expect(err.errors).toEqual([{ category: "V1_ERROR", code: "Unknown" }]);
    // The tokens are untouched: the next refresh works and keeps the refresh token.
    expect((await refresh()).refreshToken).toBe(tokens.refreshToken);
  });

  it("a dropped connection: SquareError without statusCode, whether or not the sandbox acted", async () => {
    fake.faults.next({ path: TOKEN, kind: { drop: "after" } });
    const { code } = fake.control.authorize(merchantId);
    const exchange = () =>
      fake.client().oAuth.obtainToken({
        clientId: fake.applicationId,
        clientSecret: fake.applicationSecret,
        code,
        grantType: "authorization_code",
      });
    const err = await caught(exchange());
    expect(err.statusCode).toBeUndefined();
    // It acted: the code was used, so exchanging it again is refused.
    expect((await caught(exchange())).statusCode).toBe(401);

    fake.faults.next({ path: SEARCH, kind: { drop: "before" } });
    expect((await caught(search())).statusCode).toBeUndefined();
    expect(fake.control.requests().at(-1)).toMatchObject({ status: null, fault: "drop_before" });
  });

  it("a delay longer than the request's timeout: SquareError without statusCode; shorter ones just answer", async () => {
    fake.faults.next({ path: SEARCH, kind: { delayMs: 800 } });
    const err = await caught(seller.orders.search({ locationIds: [locationId] }, { timeoutInSeconds: 0.2 }));
    expect(err.statusCode).toBeUndefined();
    expect(err.message).toMatch(/timeout/i);
    fake.faults.next({ path: SEARCH, kind: { delayMs: 50 } });
    expect((await search()).orders).toBeDefined();
  });

  it("applies only to the method and path asked for", async () => {
    fake.faults.next({ method: "GET", path: SEARCH, kind: { status: 500 } });
    await search();
    expect(fake.faults.pending()).toBe(1);
  });
});
