// Square OAuth for merchants: the app's real square SDK against the Square fake (the sandbox twin
// with a fault queue), tokens encrypted at rest, refresh under a lease, disconnect with revoke.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeSquare, type FakeSquare } from "../fakes/square";
import { call } from "../support/request";
import { asMerchant, createMerchant, createUser, fakeMeta, signedIn, testDb } from "../support/factories";

let fake: FakeSquare;
let square: typeof import("@/lib/square");
let crypto: typeof import("@/lib/crypto");
let secret: string;

beforeAll(async () => {
  fake = await startFakeSquare();
  vi.stubEnv("SQUARE_APPLICATION_ID", fake.applicationId);
  vi.stubEnv("SQUARE_APPLICATION_SECRET", fake.applicationSecret);
  vi.stubEnv("SQUARE_API_BASE", fake.url);
  vi.stubEnv("NEXTAUTH_URL", "http://app.test");
  square = await import("@/lib/square");
  crypto = await import("@/lib/crypto");
  secret = (await import("@/lib/config")).config().NEXTAUTH_SECRET;
});
afterEach(() => fake.faults.clear());
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  await testDb.$disconnect();
});

const TOKEN = /^\/oauth2\/token$/;
const stateOf = (url: string) => new URL(url).searchParams.get("state")!;
const grantOf = (merchantId: string) =>
  testDb.squareConnection.findUnique({
    where: { merchantId },
    omit: { accessTokenEnc: false, refreshTokenEnc: false },
  });
/** Requests the fake receives while `fn` runs. */
async function requestsDuring(fn: () => Promise<unknown>) {
  const before = fake.control.requests().length;
  await fn();
  return fake.control.requests().slice(before);
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (err: { code?: string }) => err.code,
  );

async function ownerWithMerchant() {
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  return { owner: asMerchant(owner.id), merchantId: merchant.id };
}

/** An owner who clicked Connect and Allow (a new sandbox seller unless given). */
async function connected(sellerId?: string) {
  const { owner, merchantId } = await ownerWithMerchant();
  const state = stateOf(await square.startSquareConnect(owner, merchantId));
  const { code, merchantId: squareMerchantId } = fake.control.authorize(sellerId);
  await square.completeSquareConnect(owner, { code, state }, fakeMeta());
  return { owner, merchantId, squareMerchantId };
}

describe("connecting", () => {
  it("stores encrypted tokens and the seller's locations, and audits it", async () => {
    const { owner, merchantId } = await ownerWithMerchant();
    const url = new URL(await square.startSquareConnect(owner, merchantId));
    expect(url.origin + url.pathname).toBe(`${fake.url}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: fake.applicationId,
      scope: "MERCHANT_PROFILE_READ ORDERS_READ PAYMENTS_READ CUSTOMERS_READ",
      session: "false",
      redirect_uri: "http://app.test/api/square/callback",
    });
    const { code, merchantId: squareMerchantId } = fake.control.authorize();
    await square.completeSquareConnect(owner, { code, state: url.searchParams.get("state")! }, fakeMeta());

    const grant = (await grantOf(merchantId))!;
    const issued = fake.control.tokens().find((t) => t.merchantId === squareMerchantId)!;
    expect(grant).toMatchObject({ status: "CONNECTED", statusReason: null, squareMerchantId });
    expect(grant.accessTokenEnc).not.toContain(issued.accessToken);
    expect(crypto.decryptToken(grant.accessTokenEnc!)).toBe(issued.accessToken);
    expect(crypto.decryptToken(grant.refreshTokenEnc!)).toBe(issued.refreshToken);
    expect(grant.expiresAt.getTime()).toBe(Math.floor(issued.expiresAt.getTime() / 1000) * 1000);
    const locations = await testDb.merchantLocation.findMany({ where: { merchantId } });
    expect(locations).toEqual([
      expect.objectContaining({
        squareLocationId: fake.control.locations(squareMerchantId)[0].id,
        address: "1900 Aldrich St, Austin, TX 78723",
        latitude: 30.2987,
        longitude: -97.7057,
        timezone: "America/Chicago",
        active: true,
      }),
    ]);
    expect(await testDb.auditLog.count({ where: { action: "square.connect", targetId: merchantId } })).toBe(1);
    expect(await square.getSquareStatus(owner, merchantId)).toMatchObject({
      status: "CONNECTED",
      squareMerchantId,
      canManage: true,
      locations: [expect.objectContaining({ address: "1900 Aldrich St, Austin, TX 78723" })],
    });
  });

  it("refuses tampered, expired, another person's and another merchant's states; nothing written", async () => {
    const { owner, merchantId } = await ownerWithMerchant();
    const other = await ownerWithMerchant();
    const state = stateOf(await square.startSquareConnect(owner, merchantId));
    const [h, p, s] = state.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, merchantId: other.merchantId })).toString("base64url");
    const expired = await crypto.signState({
      secret,
      purpose: "square-connect",
      userId: owner.userId,
      claims: { merchantId },
      now: new Date(Date.now() - 11 * 60_000),
    });
    const foreign = await crypto.signState({
      secret,
      purpose: "square-connect",
      userId: owner.userId,
      claims: { merchantId: other.merchantId },
    });
    const smartcarState = await crypto.signState({ secret, purpose: "smartcar-connect", userId: owner.userId });
    const attempt = (who: typeof owner, st: string) =>
      refusal(square.completeSquareConnect(who, { code: fake.control.authorize().code, state: st }, fakeMeta()));

    const seen = await requestsDuring(async () => {
      expect(await attempt(owner, [h, forged, s].join("."))).toBe("state_invalid");
      expect(await attempt(owner, smartcarState)).toBe("state_invalid");
      expect(await attempt(owner, expired)).toBe("state_expired");
      expect(await attempt(other.owner, state)).toBe("state_other_user");
      expect(await attempt(owner, foreign)).toBe("not_found");
    });
    expect(seen).toEqual([]);
    expect(await grantOf(merchantId)).toBeNull();
    expect(await grantOf(other.merchantId)).toBeNull();
  });

  it("lets only owners connect: staff 403, outsiders 404", async () => {
    const { merchantId } = await ownerWithMerchant();
    const staff = await createUser({ role: "MERCHANT" });
    await testDb.merchantMember.create({ data: { merchantId, userId: staff.id, role: "STAFF" } });
    const outsider = await createUser({ role: "MERCHANT" });
    expect(await refusal(square.startSquareConnect(asMerchant(staff.id), merchantId))).toBe("forbidden");
    expect(await refusal(square.startSquareConnect(asMerchant(outsider.id), merchantId))).toBe("not_found");
    const staffState = await crypto.signState({
      secret,
      purpose: "square-connect",
      userId: staff.id,
      claims: { merchantId },
    });
    const code = fake.control.authorize().code;
    const completing = square.completeSquareConnect(asMerchant(staff.id), { code, state: staffState }, fakeMeta());
    expect(await refusal(completing)).toBe("forbidden");
    expect(await grantOf(merchantId)).toBeNull();
    expect((await square.getSquareStatus(asMerchant(staff.id), merchantId)).canManage).toBe(false);
  });

  it("a seller who clicks Deny comes back to a message and nothing is written", async () => {
    const { GET } = await import("@/app/api/square/callback/route");
    const { owner, merchantId } = await ownerWithMerchant();
    const state = stateOf(await square.startSquareConnect(owner, merchantId));
    const { cookie } = await signedIn(owner.userId);
    const res = await call(GET, {
      path: `/api/square/callback?error=access_denied&error_description=user_denied&state=${state}`,
      headers: { cookie },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://app.test/merchant/square?error=declined");
    expect(await grantOf(merchantId)).toBeNull();
    // a session that ended on Square's page: sign in first, then back to this very callback
    const code = fake.control.authorize().code;
    const signedOut = await call(GET, { path: `/api/square/callback?code=${code}&state=${state}` });
    expect(signedOut.status).toBe(303);
    const signIn = new URL(signedOut.headers.get("location")!);
    expect(signIn.pathname).toBe("/signin");
    expect(signIn.searchParams.get("callbackUrl")).toBe(`/api/square/callback?code=${code}&state=${state}`);
    expect(await grantOf(merchantId)).toBeNull();
    const ok = await call(GET, {
      path: `/api/square/callback?code=${fake.control.authorize().code}&state=${state}`,
      headers: { cookie },
    });
    expect(ok.headers.get("location")).toBe("http://app.test/merchant/square?connected=1");
    expect((await grantOf(merchantId))?.status).toBe("CONNECTED");
  });

  it("refuses a Square account or location already connected to another merchant", async () => {
    const first = await connected();
    const second = await ownerWithMerchant();
    const state = stateOf(await square.startSquareConnect(second.owner, second.merchantId));
    const { code } = fake.control.authorize(first.squareMerchantId);
    const completing = square.completeSquareConnect(second.owner, { code, state }, fakeMeta());
    expect(await refusal(completing)).toBe("square_taken");
    expect(await grantOf(second.merchantId)).toBeNull();
    expect(await testDb.merchantLocation.count({ where: { merchantId: second.merchantId } })).toBe(0);
  });

  it("lets a seller disconnected from one business connect to another: its locations move along", async () => {
    const first = await connected();
    const locations = await testDb.merchantLocation.findMany({ where: { merchantId: first.merchantId } });
    await square.disconnectSquare(first.owner, first.merchantId, fakeMeta());
    const second = await ownerWithMerchant();
    const state = stateOf(await square.startSquareConnect(second.owner, second.merchantId));
    const { code } = fake.control.authorize(first.squareMerchantId);
    await square.completeSquareConnect(second.owner, { code, state }, fakeMeta());
    expect(await grantOf(second.merchantId)).toMatchObject({
      status: "CONNECTED",
      squareMerchantId: first.squareMerchantId,
    });
    expect(await grantOf(first.merchantId)).toBeNull();
    const moved = await testDb.merchantLocation.findMany({ where: { id: { in: locations.map((l) => l.id) } } });
    expect(moved.map((l) => l.merchantId)).toEqual(locations.map(() => second.merchantId));
  });
});

describe("refreshing", () => {
  it("refreshes a token that ends within a day before the call", async () => {
    const { merchantId } = await connected();
    const before = (await grantOf(merchantId))!;
    await testDb.squareConnection.update({ where: { merchantId }, data: { expiresAt: new Date(Date.now() + 3600e3) } });
    const seen = await requestsDuring(() => square.withSquareClient(merchantId, (c) => c.locations.list()));
    expect(seen.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", "/oauth2/token", 200],
      ["GET", "/v2/locations", 200],
    ]);
    const after = (await grantOf(merchantId))!;
    expect(after.accessTokenEnc).not.toBe(before.accessTokenEnc);
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600e3);
    expect(after).toMatchObject({ status: "CONNECTED", refreshLeaseUntil: null });
    expect(after.refreshedAt).not.toBeNull();
  });

  it("waits for a refresh another process holds instead of refreshing again", async () => {
    const { merchantId } = await connected();
    const soon = new Date(Date.now() + 3600e3);
    await testDb.squareConnection.update({
      where: { merchantId },
      data: { expiresAt: soon, refreshLeaseUntil: new Date(Date.now() + 60e3) },
    });
    // the other process finishes its refresh while we wait
    setTimeout(() => {
      void testDb.squareConnection.update({
        where: { merchantId },
        data: { expiresAt: new Date(Date.now() + 30 * 24 * 3600e3), refreshLeaseUntil: null },
      });
    }, 500);
    const started = Date.now();
    const seen = await requestsDuring(() => square.withSquareClient(merchantId, (c) => c.locations.list()));
    expect(seen.map((r) => r.path)).toEqual(["/v2/locations"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("a 401 on a call refreshes the token and tries once more; a second 401 marks the grant reconnect required", async () => {
    const { merchantId } = await connected();
    const revoked = { status: 401, errors: [{ category: "AUTHENTICATION_ERROR", code: "ACCESS_TOKEN_REVOKED" }] };
    fake.faults.next({ path: /^\/v2\/locations$/, kind: revoked });
    const once = await requestsDuring(() => square.withSquareClient(merchantId, (c) => c.locations.list()));
    expect(once.map((r) => `${r.path} ${r.status}`)).toEqual([
      "/v2/locations 401",
      "/oauth2/token 200",
      "/v2/locations 200",
    ]);
    expect((await grantOf(merchantId))?.status).toBe("CONNECTED");

    fake.faults.next({ path: /^\/v2\/locations$/, kind: revoked, times: 2 });
    await expect(square.withSquareClient(merchantId, (c) => c.locations.list())).rejects.toMatchObject({
      statusCode: 401,
    });
    expect((await grantOf(merchantId))?.status).toBe("RECONNECT_REQUIRED");
  });

  it("two refreshes at once make exactly one request to Square", async () => {
    const { merchantId } = await connected();
    await testDb.squareConnection.update({
      where: { merchantId },
      data: { expiresAt: new Date(Date.now() + 2 * 24 * 3600e3) },
    });
    let outcomes: string[] = [];
    const seen = await requestsDuring(async () => {
      outcomes = await Promise.all([
        square.unsafeRefreshSquareToken(merchantId),
        square.unsafeRefreshSquareToken(merchantId),
      ]);
    });
    expect(outcomes.sort()).toEqual(["refreshed", "skipped"]);
    expect(seen.filter((r) => r.path === "/oauth2/token")).toHaveLength(1);
  });

  it("a refused refresh marks reconnect required, after which no call reaches Square", async () => {
    const { owner, merchantId } = await connected();
    fake.faults.next({
      path: TOKEN,
      kind: { status: 401, errors: [{ category: "AUTHENTICATION_ERROR", code: "UNAUTHORIZED" }] },
    });
    expect(await square.unsafeRefreshSquareToken(merchantId, { force: true })).toBe("refused");
    const grant = (await grantOf(merchantId))!;
    expect(grant).toMatchObject({ status: "RECONNECT_REQUIRED", refreshLeaseUntil: null });
    expect(grant.statusReason).toMatch(/HTTP 401 UNAUTHORIZED/);
    const seen = await requestsDuring(async () => {
      expect(await refusal(square.withSquareClient(merchantId, (c) => c.locations.list()))).toBe(
        "square_not_connected",
      );
      expect(await square.unsafeRefreshSquareToken(merchantId, { force: true })).toBe("skipped");
    });
    expect(seen).toEqual([]);
    expect((await square.getSquareStatus(owner, merchantId)).status).toBe("RECONNECT_REQUIRED");
  });

  it.each([
    ["a 500", { status: 500 }],
    ["an HTML 502", { status: 502, html: true as const }],
    ["an HTML 403 from a proxy", { status: 403, html: true as const }],
    ["a dropped connection", { drop: "before" as const }],
  ])("%s on refresh keeps the tokens and the connection", async (_name, kind) => {
    const { merchantId } = await connected();
    const before = (await grantOf(merchantId))!;
    fake.faults.next({ path: TOKEN, kind });
    expect(await square.unsafeRefreshSquareToken(merchantId, { force: true })).toBe("unavailable");
    const after = (await grantOf(merchantId))!;
    expect(after).toMatchObject({
      status: "CONNECTED",
      accessTokenEnc: before.accessTokenEnc,
      refreshTokenEnc: before.refreshTokenEnc,
      refreshLeaseUntil: null,
      refreshedAt: null,
    });
  });

  it("the job refreshes grants refreshed too long ago or ending soon, and leaves fresh ones", async () => {
    const stale = await connected();
    const ending = await connected();
    const fresh = await connected();
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600e3);
    await testDb.squareConnection.update({
      where: { merchantId: stale.merchantId },
      data: { connectedAt: eightDaysAgo },
    });
    await testDb.squareConnection.update({
      where: { merchantId: ending.merchantId },
      data: { expiresAt: new Date(Date.now() + 5 * 24 * 3600e3) },
    });
    const { JOBS } = await import("@/lib/jobs/handlers");
    await JOBS["refresh-square-tokens"]();
    expect((await grantOf(stale.merchantId))!.refreshedAt).not.toBeNull();
    expect((await grantOf(ending.merchantId))!.refreshedAt).not.toBeNull();
    expect((await grantOf(fresh.merchantId))!.refreshedAt).toBeNull();
  });
});

describe("disconnecting", () => {
  it("revokes at Square with the app's Client secret, then clears the tokens", async () => {
    const { owner, merchantId, squareMerchantId } = await connected();
    const seen = await requestsDuring(() => square.disconnectSquare(owner, merchantId, fakeMeta()));
    expect(seen.map((r) => [r.path, r.status])).toEqual([["/oauth2/revoke", 200]]);
    expect(fake.control.tokens().filter((t) => t.merchantId === squareMerchantId && !t.revoked)).toEqual([]);
    expect(await grantOf(merchantId)).toMatchObject({
      status: "DISCONNECTED",
      accessTokenEnc: null,
      refreshTokenEnc: null,
    });
    expect(await testDb.auditLog.count({ where: { action: "square.disconnect", targetId: merchantId } })).toBe(1);
    expect(await square.getSquareStatus(owner, merchantId)).toMatchObject({ status: "DISCONNECTED", locations: [] });
    expect(await refusal(square.withSquareClient(merchantId, (c) => c.locations.list()))).toBe("square_not_connected");
    // and connecting again works
    const state = stateOf(await square.startSquareConnect(owner, merchantId));
    const { code } = fake.control.authorize(squareMerchantId);
    await square.completeSquareConnect(owner, { code, state }, fakeMeta());
    expect((await grantOf(merchantId))?.status).toBe("CONNECTED");
  });

  it("when Square does not answer the revoke, nothing changes and the owner is asked to retry", async () => {
    const { owner, merchantId } = await connected();
    const before = (await grantOf(merchantId))!;
    fake.faults.next({ path: /^\/oauth2\/revoke$/, kind: { status: 503 } });
    expect(await refusal(square.disconnectSquare(owner, merchantId, fakeMeta()))).toBe("provider_unavailable");
    expect(await grantOf(merchantId)).toMatchObject({ status: "CONNECTED", accessTokenEnc: before.accessTokenEnc });
    const staff = await createUser({ role: "MERCHANT" });
    await testDb.merchantMember.create({ data: { merchantId, userId: staff.id, role: "STAFF" } });
    expect(await refusal(square.disconnectSquare(asMerchant(staff.id), merchantId, fakeMeta()))).toBe("forbidden");
  });
});
