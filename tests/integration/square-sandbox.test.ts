// The Square sandbox through the real SDK: the consent page, OAuth tokens (refresh, status, revoke,
// expiry) and the seller's profile and locations. Orders, webhooks and faults have their own
// square-sandbox-* files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSquare, type FakeSquare } from "../fakes/square";
import { caught, connectSeller } from "../support/square-sandbox";

let fake: FakeSquare;
let clockShiftMs = 0;
const CALLBACK = "http://app.test/api/square/callback";

beforeAll(async () => {
  fake = await startFakeSquare({ now: () => Date.now() + clockShiftMs });
});
afterAll(() => fake.close());

const authorizeUrl = (extra: Record<string, string> = {}) =>
  `${fake.url}/oauth2/authorize?${new URLSearchParams({
    client_id: fake.applicationId,
    scope: "MERCHANT_PROFILE_READ ORDERS_READ PAYMENTS_READ CUSTOMERS_READ",
    session: "false",
    state: "st<ate>&1",
    ...extra,
  })}`;

describe("consent page", () => {
  it("is a marked sandbox page that escapes what it prints", async () => {
    const res = await fetch(authorizeUrl());
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain("Square sandbox — allow Nerava?");
    expect(html).toContain('value="st&lt;ate&gt;&amp;1"');
    expect(html).not.toContain("st<ate>");
  });

  it("Allow sends the seller back with a code and the state; the code is good once", async () => {
    const form = new URLSearchParams({ client_id: fake.applicationId, scope: "ORDERS_READ", state: "s1" });
    form.set("decision", "allow");
    form.set("merchant_id", "new");
    form.set("business_name", "Allow Cafe");
    const res = await fetch(`${fake.url}/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get("location")!);
    expect(`${back.origin}${back.pathname}`).toBe(CALLBACK);
    expect(back.searchParams.get("state")).toBe("s1");
    const code = back.searchParams.get("code")!;
    const exchange = () =>
      fake.client().oAuth.obtainToken({
        clientId: fake.applicationId,
        clientSecret: fake.applicationSecret,
        code,
        grantType: "authorization_code",
      });
    const tokens = await exchange();
    expect(fake.control.merchants().find((m) => m.id === tokens.merchantId)?.business_name).toBe("Allow Cafe");
    expect((await caught(exchange())).statusCode).toBe(401);
  });

  it("Deny sends the seller back with error=access_denied", async () => {
    const form = new URLSearchParams({ client_id: fake.applicationId, state: "s2", decision: "deny" });
    const res = await fetch(`${fake.url}/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
    const back = new URL(res.headers.get("location")!);
    expect([back.searchParams.get("error"), back.searchParams.get("state"), back.searchParams.get("code")]).toEqual([
      "access_denied",
      "s2",
      null,
    ]);
  });

  it("refuses an unknown client_id or a redirect_uri other than the app's", async () => {
    expect((await fetch(authorizeUrl({ client_id: "someone-else" }))).status).toBe(400);
    expect((await fetch(authorizeUrl({ redirect_uri: "https://evil.test/cb" }))).status).toBe(400);
  });
});

describe("OAuth tokens", () => {
  it("code → token → refresh (same refresh token) → status", async () => {
    const { tokens, merchantId } = await connectSeller(fake);
    expect(tokens).toMatchObject({
      accessToken: expect.stringMatching(/^EAAA/),
      tokenType: "bearer",
      merchantId: expect.stringMatching(/^ML/),
      refreshToken: expect.stringMatching(/^EQAA/),
      shortLived: false,
    });
    const ttl = Date.parse(tokens.expiresAt!) - Date.now();
    expect(ttl).toBeGreaterThan(29 * 86_400_000);
    expect(ttl).toBeLessThanOrEqual(30 * 86_400_000);

    const refreshed = await fake.client().oAuth.obtainToken({
      clientId: fake.applicationId,
      clientSecret: fake.applicationSecret,
      refreshToken: tokens.refreshToken,
      grantType: "refresh_token",
    });
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);

    const status = await fake.client(refreshed.accessToken).oAuth.retrieveTokenStatus();
    expect(status).toMatchObject({
      clientId: fake.applicationId,
      merchantId,
      scopes: expect.arrayContaining(["ORDERS_READ"]),
    });
  });

  it("refuses a wrong client secret and an unknown refresh token with Square's error shape", async () => {
    const err = await caught(
      fake.client().oAuth.obtainToken({
        clientId: fake.applicationId,
        clientSecret: "nope",
        code: "x",
        grantType: "authorization_code",
      }),
    );
    expect(err.statusCode).toBe(401);
    expect(err.errors[0]).toMatchObject({ category: "AUTHENTICATION_ERROR", code: "UNAUTHORIZED" });
    const unknown = await caught(
      fake.client().oAuth.obtainToken({
        clientId: fake.applicationId,
        clientSecret: fake.applicationSecret,
        refreshToken: "EQAA-made-up",
        grantType: "refresh_token",
      }),
    );
    expect(unknown.statusCode).toBe(401);
  });

  it("revoke (Client <secret>) → later calls 401 ACCESS_TOKEN_REVOKED, refresh 400", async () => {
    const { tokens, seller } = await connectSeller(fake);
    // The seller's Bearer token is not the app's `Client <secret>`.
    const wrongAuth = await caught(
      seller.oAuth.revokeToken({ clientId: fake.applicationId, accessToken: tokens.accessToken }),
    );
    expect(wrongAuth.statusCode).toBe(401);
    const revoked = await fake
      .client()
      .oAuth.revokeToken(
        { clientId: fake.applicationId, accessToken: tokens.accessToken },
        { headers: { Authorization: `Client ${fake.applicationSecret}` } },
      );
    expect(revoked.success).toBe(true);
    const err = await caught(seller.locations.list());
    expect([err.statusCode, err.errors[0].code]).toEqual([401, "ACCESS_TOKEN_REVOKED"]);
    const refresh = await caught(
      fake.client().oAuth.obtainToken({
        clientId: fake.applicationId,
        clientSecret: fake.applicationSecret,
        refreshToken: tokens.refreshToken,
        grantType: "refresh_token",
      }),
    );
    expect([refresh.statusCode, refresh.errors[0].code]).toEqual([400, "BAD_REQUEST"]);
  });

  it("an expired access token answers 401 ACCESS_TOKEN_EXPIRED, also on token status", async () => {
    const { seller } = await connectSeller(fake);
    clockShiftMs = 31 * 86_400_000;
    try {
      const err = await caught(seller.locations.list());
      expect([err.statusCode, err.errors[0]]).toEqual([
        401,
        expect.objectContaining({ category: "AUTHENTICATION_ERROR", code: "ACCESS_TOKEN_EXPIRED" }),
      ]);
      expect((await caught(seller.oAuth.retrieveTokenStatus())).errors[0].code).toBe("ACCESS_TOKEN_EXPIRED");
    } finally {
      clockShiftMs = 0;
    }
    expect((await seller.locations.list()).locations).toHaveLength(1);
  });

  it("an unknown token is 401 UNAUTHORIZED", async () => {
    const err = await caught(fake.client("EAAA-made-up").merchants.get({ merchantId: "me" }));
    expect([err.statusCode, err.errors[0].code]).toEqual([401, "UNAUTHORIZED"]);
  });
});

describe("seller profile", () => {
  it("merchants/me and locations with coordinates in Austin", async () => {
    const { seller, merchantId } = await connectSeller(fake);
    const { merchant } = await seller.merchants.get({ merchantId: "me" });
    expect(merchant).toMatchObject({ id: merchantId, businessName: "Mueller Market Coffee", currency: "USD" });
    const { locations } = await seller.locations.list();
    expect(locations).toEqual([
      expect.objectContaining({
        id: merchant!.mainLocationId,
        status: "ACTIVE",
        address: expect.objectContaining({ locality: "Austin", administrativeDistrictLevel1: "TX" }),
        coordinates: { latitude: 30.2987, longitude: -97.7057 },
      }),
    ]);
    const other = await connectSeller(fake);
    expect((await caught(seller.merchants.get({ merchantId: other.merchantId }))).statusCode).toBe(404);
  });

  it("sends Square-Version and logs each request", async () => {
    const { seller } = await connectSeller(fake);
    await seller.locations.list();
    expect(fake.control.requests().at(-1)).toMatchObject({
      method: "GET",
      path: "/v2/locations",
      squareVersion: "2026-09-16",
      status: 200,
    });
  });
});
