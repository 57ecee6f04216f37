// Google Wallet loyalty pass: the app's own client (jose-signed assertion, fetch) against the fake
// Wallet API, on the real database: token, class, object, save link, balance patches through the
// ledger's outbox, the 3-notices-a-day cap, retries, and the outbox row kept on failure.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { jwtVerify } from "jose";
import { makeServiceAccount, startFakeGoogleWallet, type FakeGoogleWallet } from "../fakes/google-wallet";
import { closeConnections } from "../support/ledger";
import { call } from "../support/request";
import { asAdmin, asDriver, createUser, fakeMeta, signedIn, testDb, uid } from "../support/factories";

const ISSUER = "3388000000022912345";
const APP_URL = "https://app.nerava.test";
const sa = makeServiceAccount();

let fake: FakeGoogleWallet;
let wallet: typeof import("@/lib/wallet");
let google: typeof import("@/lib/wallet/google/access-token") & typeof import("@/lib/wallet/google/service-account");
let rewards: typeof import("@/lib/rewards");
let saveRoute: typeof import("@/app/api/wallet/google/save/route");
/** The pass page's form POST: the session cookie and our own origin. */
const post = (cookie: string) => ({
  ...(cookie ? { cookie } : {}),
  origin: process.env.NEXTAUTH_URL ?? "http://localhost:3000",
});

beforeAll(async () => {
  fake = await startFakeGoogleWallet({
    serviceAccountPublicKey: sa.publicKey,
    clientEmail: sa.clientEmail,
    issuerId: ISSUER,
  });
  vi.stubEnv("GOOGLE_WALLET_ISSUER_ID", ISSUER);
  vi.stubEnv("GOOGLE_WALLET_SERVICE_ACCOUNT", sa.json(fake.tokenUri));
  vi.stubEnv("GOOGLE_WALLET_API_BASE", fake.apiBase);
  vi.stubEnv("NEXTAUTH_URL", APP_URL);
  wallet = await import("@/lib/wallet");
  google = {
    ...(await import("@/lib/wallet/google/access-token")),
    ...(await import("@/lib/wallet/google/service-account")),
  };
  rewards = await import("@/lib/rewards");
  saveRoute = await import("@/app/api/wallet/google/save/route");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  await closeConnections();
});

const key = () => `k-${uid()}-${uid()}-${uid()}`;
let admin: { id: string };
async function grant(driverId: string, amount: number) {
  admin ??= await createUser({ role: "ADMIN" });
  return rewards.grantNova(
    asAdmin(admin.id),
    { driverId, amount, reason: "test grant", idempotencyKey: key() },
    fakeMeta(),
  );
}
const passOf = (userId: string) => testDb.walletPass.findUniqueOrThrow({ where: { userId } });
const outboxRow = (driverId: string) => testDb.driverBalanceChange.findUnique({ where: { driverId } });
const objectIdOf = async (userId: string) => `${ISSUER}.${(await passOf(userId)).serialNumber}`;
/** REST requests the fake received while `fn` ran. */
async function requestsDuring(fn: () => Promise<unknown>) {
  const before = fake.requests.length;
  await fn();
  return fake.requests.slice(before);
}
const patchesOf = (requests: FakeGoogleWallet["requests"], objectId: string) =>
  requests.filter((r) => r.method === "PATCH" && r.path === `/loyaltyObject/${objectId}`);
/** NEXTAUTH_URL is https here, so the session cookie carries its __Host- name. */
const cookieOf = async (userId: string) =>
  (await signedIn(userId)).cookie.replace(/^nerava\.session=/, "__Host-nerava.session=");
const jwtOf = (link: string) => link.slice("https://pay.google.com/gp/v/save/".length);
type Patch = { loyaltyPoints: { balance: { int: number } }; messages?: { messageType: string; header: string }[] };

/** A driver whose object Google holds (through the save link), with `nova` granted before. */
async function driverWithObject(nova = 0) {
  const driver = await createUser();
  if (nova) await grant(driver.id, nova);
  await wallet.getGoogleSaveLink(asDriver(driver.id));
  await wallet.unsafeSyncWalletPasses(); // drains the grant's outbox row (nothing to patch)
  return { driver, objectId: await objectIdOf(driver.id) };
}

describe("Google Wallet configuration and token", () => {
  it("is available with an issuer and a readable service account; each broken setup is named", async () => {
    expect(await wallet.googleWalletAvailability()).toEqual({ available: true });
    expect(await google.readServiceAccount("{not json")).toEqual({ reason: expect.stringMatching(/not valid JSON/) });
    expect(await google.readServiceAccount(JSON.stringify({ private_key: "x" }))).toEqual({
      reason: expect.stringMatching(/no client_email/),
    });
    const broken = JSON.stringify({ client_email: "a@b.iam.gserviceaccount.com", private_key: "-----BEGIN nope" });
    const refused = await google.readServiceAccount(broken);
    expect(refused).toEqual({ reason: expect.stringMatching(/cannot be imported/) });
    expect(JSON.stringify(refused)).not.toContain("BEGIN nope"); // no key text in the reason
    const noTokenUri = await google.readServiceAccount(makeServiceAccount().json());
    expect(noTokenUri).toMatchObject({ tokenUri: "https://oauth2.googleapis.com/token" });
  });

  it("gets an access token with an RS256 assertion the fake verifies; another key is refused as invalid_grant", async () => {
    const account = await google.readServiceAccount(sa.json(fake.tokenUri));
    if ("reason" in account) throw new Error(account.reason);
    const token = await google.requestAccessToken(account);
    expect(token.token).toMatch(/^ya29\.fake-/);
    expect(token.expiresAt).toBeGreaterThan(Date.now() + 3000_000);
    expect(fake.tokenRequests.at(-1)).toEqual({ status: 200 });

    // the same email with a key Google does not know
    const impostor = makeServiceAccount(sa.clientEmail);
    const wrong = await google.readServiceAccount(impostor.json(fake.tokenUri));
    if ("reason" in wrong) throw new Error(wrong.reason);
    await expect(google.requestAccessToken(wrong)).rejects.toThrow(/refused.*400 invalid_grant/);
    expect(fake.tokenRequests.at(-1)).toMatchObject({ status: 400, error: expect.stringMatching(/Signature/) });
  });
});

describe("save link", () => {
  it("inserts the class and the driver's object, then links to it with a JWT signed by the service account", async () => {
    const driver = await createUser();
    await grant(driver.id, 120);
    const link = await wallet.getGoogleSaveLink(asDriver(driver.id));
    expect(link).toMatch(/^https:\/\/pay\.google\.com\/gp\/v\/save\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const { payload, protectedHeader } = await jwtVerify(jwtOf(link), sa.publicKey, {
      issuer: sa.clientEmail,
      audience: "google",
    });
    const pass = await passOf(driver.id);
    const objectId = `${ISSUER}.${pass.serialNumber}`;
    expect(protectedHeader.alg).toBe("RS256");
    expect(payload).toMatchObject({
      typ: "savetowallet",
      origins: [APP_URL],
      payload: { loyaltyObjects: [{ id: objectId }] },
    });
    expect(Object.keys((payload.payload as { loyaltyObjects: object[] }).loyaltyObjects[0])).toEqual(["id"]);

    expect(fake.classes.get(`${ISSUER}.nerava-nova`)).toMatchObject({
      programName: "Nerava",
      issuerName: "Nerava",
      reviewStatus: "UNDER_REVIEW",
      hexBackgroundColor: "#059669",
      programLogo: { sourceUri: { uri: `${APP_URL}/icon-512.png` } },
    });
    expect(fake.objects.get(objectId)).toMatchObject({
      classId: `${ISSUER}.nerava-nova`,
      state: "ACTIVE",
      accountId: pass.serialNumber,
      accountName: driver.name,
      loyaltyPoints: { label: "Nova", balance: { int: 120 } },
      secondaryLoyaltyPoints: { label: "Cash", balance: { money: { micros: 0, currencyCode: "USD" } } },
      barcode: { type: "QR_CODE", value: `NERAVA-PASS:${pass.serialNumber}` },
    });
    expect(pass).toMatchObject({ googleObjectId: objectId, googleBalanceSent: "120 Nova · 0 held · $0.00" });
    expect(pass.googleInsertedAt).toBeInstanceOf(Date);
    expect(await wallet.getGooglePassStatus(asDriver(driver.id))).toEqual({
      available: true,
      added: true,
      syncedAt: pass.googleSyncedAt,
    });
  });

  it("a second link inserts nothing; the class was looked up and inserted once for the whole process", async () => {
    const { driver } = await driverWithObject();
    const again = await requestsDuring(() => wallet.getGoogleSaveLink(asDriver(driver.id)));
    expect(again).toEqual([]);
    const classCalls = fake.requests.filter((r) => r.path.startsWith("/loyaltyClass"));
    expect(classCalls.map((r) => `${r.method} ${r.status}`)).toEqual(["GET 404", "POST 200"]);
  });

  it("two concurrent save-link requests insert the object once and link to the same id", async () => {
    const driver = await createUser();
    const requests = await requestsDuring(async () => {
      const links = await Promise.all([
        wallet.getGoogleSaveLink(asDriver(driver.id)),
        wallet.getGoogleSaveLink(asDriver(driver.id)),
      ]);
      const ids = await Promise.all(
        links.map(async (l) => (await jwtVerify(jwtOf(l), sa.publicKey)).payload.payload as object),
      );
      expect(ids[0]).toEqual(ids[1]);
    });
    const objectId = await objectIdOf(driver.id);
    const inserts = requests.filter((r) => r.method === "POST" && r.path === "/loyaltyObject");
    expect(inserts.filter((r) => r.status === 200)).toHaveLength(1);
    expect(inserts.every((r) => (r.body as { id: string }).id === objectId)).toBe(true);
    expect([...fake.objects.keys()].filter((id) => id === objectId)).toHaveLength(1);
    expect((await passOf(driver.id)).googleInsertedAt).toBeInstanceOf(Date);
  });

  it("the route redirects a signed-in driver to Google (303) and refuses the signed-out (401)", async () => {
    const driver = await createUser();
    const cookie = await cookieOf(driver.id);
    const res = await call(saveRoute.POST, { method: "POST", path: "/api/wallet/google/save", headers: post(cookie) });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    const { payload } = await jwtVerify(jwtOf(location), sa.publicKey, { audience: "google" });
    expect(payload.payload).toEqual({ loyaltyObjects: [{ id: await objectIdOf(driver.id) }] });

    expect(
      (await call(saveRoute.POST, { method: "POST", path: "/api/wallet/google/save", headers: post("") })).status,
    ).toBe(401);
    // another site's form cannot make the driver's card
    const crossSite = { cookie, origin: "https://evil.example" };
    expect(
      (await call(saveRoute.POST, { method: "POST", path: "/api/wallet/google/save", headers: crossSite })).status,
    ).toBe(403);
  });

  it("Google down while making the link: back to the pass page with a problem to show, and a later click works", async () => {
    const driver = await createUser();
    const cookie = await cookieOf(driver.id);
    fake.failNext(500, { method: "POST", path: "/loyaltyObject", times: 3 });
    const save = () => call(saveRoute.POST, { method: "POST", path: "/api/wallet/google/save", headers: post(cookie) });
    const res = await save();
    expect(res.status).toBe(303);
    expect(new URL(res.headers.get("location")!).pathname + new URL(res.headers.get("location")!).search).toBe(
      "/app/pass?wallet_problem=google_unavailable",
    );
    expect((await passOf(driver.id)).googleInsertedAt).toBeNull();
    const later = await save();
    expect(later.status).toBe(303);
    expect(later.headers.get("location")).toMatch(/^https:\/\/pay\.google\.com\/gp\/v\/save\//);
  });
});

describe("balance sync through the outbox", () => {
  it("two grants then the sweep patch the balance with a notice; the outbox row goes", async () => {
    const { driver, objectId } = await driverWithObject(10);
    await grant(driver.id, 15);
    await grant(driver.id, 25);
    expect(await outboxRow(driver.id)).not.toBeNull();
    const requests = await requestsDuring(() => wallet.unsafeSyncWalletPasses());
    const patches = patchesOf(requests, objectId);
    expect(patches.map((p) => p.status)).toEqual([200]); // the two postings coalesce into one patch
    const [patch] = patches;
    const body = patch.body as Patch;
    expect(body.loyaltyPoints.balance.int).toBe(50);
    expect(body.messages).toEqual([
      expect.objectContaining({
        header: "Nova earned",
        messageType: "TEXT_AND_NOTIFY",
        body: expect.stringMatching(/^\+40 Nova/),
      }),
    ]);
    expect(fake.objects.get(objectId)).toMatchObject({
      loyaltyPoints: { label: "Nova", balance: { int: 50 } },
      accountName: driver.name, // patch semantics: the rest stays
    });
    expect(await outboxRow(driver.id)).toBeNull();
    expect((await passOf(driver.id)).googleBalanceSent).toBe("50 Nova · 0 held · $0.00");
  });

  it("no patch when the balances are the ones last sent", async () => {
    const { driver, objectId } = await driverWithObject(30);
    await testDb.driverBalanceChange.create({ data: { driverId: driver.id } });
    const requests = await requestsDuring(() => wallet.unsafeSyncWalletPasses());
    expect(patchesOf(requests, objectId)).toEqual([]);
    expect(await outboxRow(driver.id)).toBeNull();
    expect(await wallet.unsafeSyncGooglePass(driver.id)).toBe("unchanged");
  });

  it("a driver who never added the pass is not patched (the save link inserts current balances)", async () => {
    const driver = await createUser();
    await testDb.walletPass.create({
      data: { userId: driver.id, serialNumber: `s${uid()}${uid()}`, authTokenHash: "x" },
    });
    await grant(driver.id, 5);
    const requests = await requestsDuring(() => wallet.unsafeSyncWalletPasses());
    expect(requests).toEqual([]);
    expect(await outboxRow(driver.id)).toBeNull();
  });

  it("a 404 on the patch inserts the object again, then patches it", async () => {
    const { driver, objectId } = await driverWithObject(10);
    fake.objects.delete(objectId);
    await grant(driver.id, 15);
    const requests = await requestsDuring(() => wallet.unsafeSyncWalletPasses());
    const mine = requests.filter((r) => r.path.startsWith("/loyaltyObject"));
    expect(mine.map((r) => `${r.method} ${r.status}`)).toEqual(["PATCH 404", "POST 200", "PATCH 200"]);
    expect(fake.objects.get(objectId)).toMatchObject({ state: "ACTIVE", loyaltyPoints: { balance: { int: 25 } } });
    expect(await outboxRow(driver.id)).toBeNull();
  });

  it("notices are capped at 3 a day: the 4th earning patches silently; Nova going out never notifies", async () => {
    const { driver, objectId } = await driverWithObject(100);
    const slotKey = `google-wallet-notice:${(await passOf(driver.id)).serialNumber}`;
    const sweep = async () => patchesOf(await requestsDuring(() => wallet.unsafeSyncWalletPasses()), objectId);
    const sent: Patch[] = [];
    const grants = [];
    for (const amount of [1, 2, 3, 4]) {
      grants.push(await grant(driver.id, amount));
      sent.push(...(await sweep()).map((r) => r.body as Patch));
    }
    expect(sent.map((p) => p.loyaltyPoints.balance.int)).toEqual([101, 103, 106, 110]);
    expect(sent.map((p) => Boolean(p.messages))).toEqual([true, true, true, false]);

    // a day after the first notice, its slot is free again
    await testDb.$executeRaw`
      UPDATE "UsageCounter" SET "updatedAt" = now() - interval '25 hours' WHERE "key" = ${`${slotKey}:0`}`;
    await grant(driver.id, 5);
    const [later] = await sweep();
    expect((later.body as Patch).loyaltyPoints.balance.int).toBe(115);
    expect((later.body as Patch).messages).toHaveLength(1);

    // a reversal takes Nova out: patched, without a notice even with every slot free
    await testDb.$executeRaw`UPDATE "UsageCounter" SET "updatedAt" = 'epoch' WHERE "key" LIKE ${`${slotKey}:%`}`;
    await rewards.reverseTransaction(
      asAdmin(admin.id),
      { transactionId: grants[3].transactionId, reason: "test reversal", idempotencyKey: key() },
      fakeMeta(),
    );
    const [down] = await sweep();
    expect((down.body as Patch).loyaltyPoints.balance.int).toBe(111);
    expect((down.body as Patch).messages).toBeUndefined();
  });

  it("a 429 then success is retried within the sweep", async () => {
    const { driver, objectId } = await driverWithObject(10);
    await grant(driver.id, 1);
    fake.failNext(429, { method: "PATCH" });
    const requests = await requestsDuring(() => wallet.unsafeSyncWalletPasses());
    expect(patchesOf(requests, objectId).map((r) => r.status)).toEqual([429, 200]);
    expect(await outboxRow(driver.id)).toBeNull();
  });

  it("a garbled answer is retried too", async () => {
    const { driver, objectId } = await driverWithObject(10);
    await grant(driver.id, 2);
    fake.failNext("malformed", { method: "PATCH" });
    const requests = await requestsDuring(() => wallet.unsafeSyncWalletPasses());
    expect(patchesOf(requests, objectId)).toHaveLength(2);
    expect(fake.objects.get(objectId)).toMatchObject({ loyaltyPoints: { balance: { int: 12 } } });
    expect(await outboxRow(driver.id)).toBeNull();
  });

  it("500s past the retries leave the outbox row (and the notice slot) for the next sweep", async () => {
    const { driver, objectId } = await driverWithObject(10);
    await grant(driver.id, 3);
    fake.failNext(500, { method: "PATCH", times: 3 });
    const requests = await requestsDuring(() => wallet.unsafeSyncWalletPasses());
    expect(patchesOf(requests, objectId).map((r) => r.status)).toEqual([500, 500, 500]);
    expect(await outboxRow(driver.id)).not.toBeNull();
    expect((await passOf(driver.id)).googleBalanceSent).toBe("10 Nova · 0 held · $0.00");
    const slots = await testDb.usageCounter.findMany({
      where: { key: { startsWith: `google-wallet-notice:${(await passOf(driver.id)).serialNumber}:` } },
    });
    expect(slots.map((s) => [s.used, s.updatedAt.getTime()])).toEqual([
      [0n, 0],
      [0n, 0],
      [0n, 0],
    ]); // the slot taken for the notice was given back as it was

    const next = patchesOf(await requestsDuring(() => wallet.unsafeSyncWalletPasses()), objectId);
    expect(next.map((r) => r.status)).toEqual([200]);
    expect((next[0].body as Patch).messages).toHaveLength(1);
    expect(await outboxRow(driver.id)).toBeNull();
    expect(fake.objects.get(objectId)).toMatchObject({ loyaltyPoints: { balance: { int: 13 } } });
  });
});
