import { afterAll, describe, expect, it } from "vitest";
import { GET as balances } from "@/app/api/me/balances/route";
import { GET as charging } from "@/app/api/me/charging/active/route";
import { GET as codeStatus } from "@/app/api/me/codes/[codeId]/route";
import { checkIn, checkOut } from "@/lib/charging";
import { stopWorkers } from "@/lib/jobs";
import { checkLedger } from "@/lib/ledger";
import { confirmRedemption, redeemOffer, unsafeReleaseRedemption } from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { call } from "../support/request";
import {
  asAdmin,
  asDriver,
  asMerchant,
  createMerchant,
  createUser,
  fakeMeta,
  signedIn,
  testDb,
  uid,
} from "../support/factories";

// The JSON routes the driver's live screens poll: each answers for the signed-in driver only.

afterAll(async () => {
  await stopWorkers();
  await testDb.$disconnect();
});

const key = () => `k-${uid()}-${uid()}-${uid()}`;

/** A driver with 500 Nova who redeemed the test offer (100 Nova held), and a second driver. */
async function world() {
  const admin = await createUser({ role: "ADMIN" });
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
  const driver = await createUser();
  const other = await createUser();
  await grantNova(
    asAdmin(admin.id),
    { driverId: driver.id, amount: 500, reason: "test", idempotencyKey: key() },
    fakeMeta(),
  );
  const code = await redeemOffer(asDriver(driver.id), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
  return {
    owner,
    merchant,
    driver,
    other,
    code,
    driverCookie: (await signedIn(driver.id)).cookie,
    otherCookie: (await signedIn(other.id)).cookie,
  };
}

const getCode = (codeId: string, cookie?: string) =>
  call(codeStatus, { params: { codeId }, headers: cookie ? { cookie } : {} });

describe("signed out", () => {
  it("each live route answers 401", async () => {
    const { code } = await world();
    for (const res of [await call(charging), await call(balances), await getCode(code.id)]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
    }
  });
});

describe("GET /api/me/codes/[codeId]", () => {
  it("gives the driver their live code's status and countdown", async () => {
    const { code, driverCookie } = await world();
    const before = Date.now();
    const res = await getCode(code.id, driverCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    const body = await res.json();
    expect(body).toEqual({
      id: code.id,
      state: "live",
      novaAmount: 100,
      issuedAt: code.createdAt.toISOString(),
      expiresAt: code.expiresAt.toISOString(),
      settledAt: null,
      now: expect.any(Number),
    });
    expect(body.now).toBeGreaterThanOrEqual(before);
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(body.now);
  });

  it("another driver's code id is not found, and says nothing about it", async () => {
    const { code, otherCookie } = await world();
    const res = await getCode(code.id, otherCookie);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toContain(code.code);
    expect(text).not.toContain('"state"');
    expect((await getCode(`missing-${uid()}`, otherCookie)).status).toBe(404);
  });

  it("turns to redeemed when the cashier confirms, and to cancelled when the driver cancels", async () => {
    const used = await world();
    await confirmRedemption(asMerchant(used.owner.id), used.merchant.id, { code: used.code.code }, fakeMeta());
    const redeemed = await (await getCode(used.code.id, used.driverCookie)).json();
    expect(redeemed).toMatchObject({ state: "redeemed", settledAt: expect.any(String) });

    const cancelled = await world();
    await unsafeReleaseRedemption({ codeId: cancelled.code.id, expired: false, driverId: cancelled.driver.id });
    expect(await (await getCode(cancelled.code.id, cancelled.driverCookie)).json()).toMatchObject({
      state: "cancelled",
    });
  });

  it("an expired hold is given back as it is read: expired, and the Nova is available again", async () => {
    const { code, driverCookie } = await world();
    await testDb.redemptionCode.update({ where: { id: code.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const body = await (await getCode(code.id, driverCookie)).json();
    expect(body.state).toBe("expired");
    const row = await testDb.redemptionCode.findUniqueOrThrow({ where: { id: code.id } });
    expect(row.status).toBe("RELEASED");
    const money = await (await call(balances, { headers: { cookie: driverCookie } })).json();
    expect(money.nova).toEqual({ available: 500, held: 0, pending: 0 });
    // reading it again changes nothing more
    expect((await (await getCode(code.id, driverCookie)).json()).state).toBe("expired");
    expect(await testDb.ledgerTransaction.count({ where: { idempotencyKey: `code:${code.id}:release` } })).toBe(1);
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });
});

describe("GET /api/me/balances", () => {
  it("gives each driver their own balances as numbers", async () => {
    const { driverCookie, otherCookie } = await world();
    const mine = await call(balances, { headers: { cookie: driverCookie } });
    expect(mine.status).toBe(200);
    expect(await mine.json()).toEqual({
      nova: { available: 400, held: 100, pending: 0 },
      usd: { available: 0, pending: 0, owedCents: 0 },
    });
    expect(await (await call(balances, { headers: { cookie: otherCookie } })).json()).toEqual({
      nova: { available: 0, held: 0, pending: 0 },
      usd: { available: 0, pending: 0, owedCents: 0 },
    });
  });
});

describe("GET /api/me/charging/active", () => {
  it("shows the driver's own session in progress, then its result once it ends", async () => {
    const driver = await createUser();
    const other = await createUser();
    const cookie = (await signedIn(driver.id)).cookie;
    const otherCookie = (await signedIn(other.id)).cookie;
    const charger = await testDb.charger.create({
      data: {
        externalId: `c-${uid()}`,
        name: `Live Plaza ${uid()}`,
        address: "2 Test St",
        latitude: 30.3029,
        longitude: -97.7062,
        isPartner: true,
        radiusMeters: 150,
      },
    });

    expect(await (await call(charging, { headers: { cookie } })).json()).toEqual({
      now: expect.any(Number),
      active: null,
      recent: null,
    });

    const session = await checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta());
    const during = await call(charging, { headers: { cookie } });
    expect(during.status).toBe(200);
    const live = await during.json();
    expect(live.recent).toBeNull();
    expect(live.active).toMatchObject({
      id: session.id,
      vehicleId: null,
      charger: { name: charger.name, address: "2 Test St" },
      pings: 0,
      verification: {
        status: expect.any(String),
        car: { ok: false, reason: expect.any(String) },
        phone: { ok: false, reason: "We haven't received your phone's location yet." },
      },
    });
    expect(Date.parse(live.active.startedAt)).toBeLessThanOrEqual(live.now);
    // the witness details the verifier keeps (distances, dwell) stay on the server
    expect(live.active.verification.phone).not.toHaveProperty("detail");

    // another driver sees none of it
    expect(await (await call(charging, { headers: { cookie: otherCookie } })).json()).toMatchObject({
      active: null,
      recent: null,
    });

    const outcome = await checkOut(asDriver(driver.id), session.id, fakeMeta());
    const after = await (await call(charging, { headers: { cookie } })).json();
    expect(after.active).toBeNull();
    expect(after.recent).toMatchObject({
      id: session.id,
      status: outcome.status,
      charger: { name: charger.name },
      endedAt: expect.any(String),
    });
    expect(await (await call(charging, { headers: { cookie: otherCookie } })).json()).toMatchObject({
      recent: null,
    });
  });
});
