import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as pingJson } from "@/app/api/charging/sessions/[sessionId]/pings/route";
import { POST as redeemJson } from "@/app/api/offers/[offerId]/redeem/route";
import { GET as walletCsv } from "@/app/api/wallet/statement/route";
import { GET as smartcarConnect } from "@/app/api/smartcar/connect/route";
import { GET as smartcarCallback } from "@/app/api/smartcar/callback/route";
import { checkIn, checkOut, fileClaim, recordPing } from "@/lib/charging";
import { previewActiveSession } from "@/lib/charging/live-verification";
import { config } from "@/lib/config";
import { unsafeGetBalances } from "@/lib/ledger";
import { cancelCode, findDriverCode, redeemOffer } from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { disconnectVehicle, refreshTelemetry, signConnectState } from "@/lib/vehicles";
import { actAs, refusedWith, run } from "../support/actions";
import { actorFor, createMerchant, createUser, fakeMeta, signedIn, testDb, uid } from "../support/factories";
import { call } from "../support/request";

// Driver family (charging, codes, wallet, car): every handler and action as ANOTHER driver
// (their session, car or code ids → 404, nothing changes) and signed out (401). Every role holds
// driver:use, so the wrong-role case here is a merchant member acting as a customer of their own
// shop (→ 403). The domain functions are also called directly with the other driver.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const chargeActions = {
  ...(await import("@/lib/actions/driver/check-in")),
  ...(await import("@/lib/actions/driver/check-out")),
  ...(await import("@/lib/actions/driver/file-claim")),
};
const carActions = {
  ...(await import("@/lib/actions/driver/disconnect-vehicle")),
  ...(await import("@/lib/actions/driver/refresh-vehicle")),
};
const codeActions = {
  ...(await import("@/lib/actions/driver/redeem-offer")),
  ...(await import("@/lib/actions/driver/cancel-code")),
};

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const ORIGIN = "http://localhost:3000";
const key = () => `k-${uid()}-${uid()}-${uid()}`;
const PING = { latitude: 30.3, longitude: -97.7, accuracyMeters: 10 };

/** Alice has an active session, a car and a held code; Bob is another driver. */
async function world() {
  const alice = await createUser();
  const bob = await createUser();
  const admin = await createUser({ role: "ADMIN" });
  const owner = await createUser({ role: "MERCHANT" });
  const shop = await createMerchant(owner.id);
  const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: shop.id } });
  await grantNova(
    actorFor(admin),
    { driverId: alice.id, amount: 300, reason: "funds", idempotencyKey: key() },
    fakeMeta(),
  );
  await grantNova(
    actorFor(admin),
    { driverId: owner.id, amount: 300, reason: "funds", idempotencyKey: key() },
    fakeMeta(),
  );
  const code = await redeemOffer(actorFor(alice), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
  const charger = await testDb.charger.create({
    data: { externalId: `c-${uid()}`, name: "Driver Plaza", address: "1 Test St", latitude: 30.3, longitude: -97.7 },
  });
  const session = await checkIn(actorFor(alice), { chargerId: charger.id }, fakeMeta());
  const car = await testDb.vehicle.create({
    data: {
      userId: alice.id,
      provider: "SANDBOX",
      providerVehicleId: `v-${uid()}`,
      make: "Tesla",
      model: "3",
      year: 2023,
    },
  });
  const sessions = {
    alice: await signedIn(alice.id),
    bob: await signedIn(bob.id),
    owner: await signedIn(owner.id),
  };
  return { alice, bob, owner, shop, offer, code, charger, session, car, sessions };
}

async function aliceUntouched(w: Awaited<ReturnType<typeof world>>) {
  expect(await testDb.chargingSession.findUniqueOrThrow({ where: { id: w.session.id } })).toMatchObject({
    status: "ACTIVE",
  });
  expect(await testDb.locationPing.count({ where: { sessionId: w.session.id } })).toBe(0);
  expect(await testDb.rewardClaim.count({ where: { sessionId: w.session.id } })).toBe(0);
  expect(await testDb.vehicle.count({ where: { id: w.car.id } })).toBe(1);
  expect(await testDb.redemptionCode.findUniqueOrThrow({ where: { id: w.code.id } })).toMatchObject({
    status: "HELD",
  });
  expect((await unsafeGetBalances("DRIVER", w.alice.id)).nova).toMatchObject({ available: 200n, held: 100n });
}

describe("driver handlers", () => {
  it("another driver gets 404 for the session's pings, and a state issued to another driver is refused", async () => {
    const w = await world();
    const headers = { cookie: w.sessions.bob.cookie, origin: ORIGIN };
    const ping = await call(pingJson, { method: "POST", headers, params: { sessionId: w.session.id }, body: PING });
    expect(ping.status).toBe(404);
    const aliceState = await signConnectState(config().NEXTAUTH_SECRET, w.alice.id);
    const back = await call(smartcarCallback, {
      headers,
      path: `/api/smartcar/callback?code=sandbox-${uid()}&state=${encodeURIComponent(aliceState)}`,
    });
    expect(back.headers.get("location")).toMatch(/error=state_other_user/);
    // the wallet CSV has no id to change: it is always the caller's own
    const csv = await (await call(walletCsv, { headers })).text();
    expect(csv).not.toMatch(/Held for/);
    await aliceUntouched(w);
  });

  it("signed out, every driver handler answers 401", async () => {
    const w = await world();
    const headers = { origin: ORIGIN };
    expect(
      (await call(pingJson, { method: "POST", headers, params: { sessionId: w.session.id }, body: PING })).status,
    ).toBe(401);
    expect(
      (
        await call(redeemJson, {
          method: "POST",
          headers,
          params: { offerId: w.offer.id },
          body: { idempotencyKey: key() },
        })
      ).status,
    ).toBe(401);
    expect((await call(walletCsv, { headers })).status).toBe(401);
    expect((await call(smartcarConnect, { headers })).status).toBe(401);
    expect((await call(smartcarCallback, { headers, path: "/api/smartcar/callback?code=x&state=y" })).status).toBe(401);
    await aliceUntouched(w);
  });

  it("a merchant member redeeming at their own shop through the JSON handler gets 403", async () => {
    const w = await world();
    const res = await call(redeemJson, {
      method: "POST",
      headers: { cookie: w.sessions.owner.cookie, origin: ORIGIN },
      params: { offerId: w.offer.id },
      body: { idempotencyKey: key() },
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("self_dealing");
    expect((await unsafeGetBalances("DRIVER", w.owner.id)).nova).toMatchObject({ available: 300n, held: 0n });
  });
});

describe("driver actions", () => {
  it("another driver's session, car and code ids are not found by every action, and nothing changes", async () => {
    const w = await world();
    actAs(w.sessions.bob.sessionToken);
    const refused = refusedWith("not_found");
    expect(await run(chargeActions.checkOutAction, { sessionId: w.session.id })).toEqual(refused);
    expect(
      await run(chargeActions.fileClaimAction, { sessionId: w.session.id, note: "This is not my session at all." }),
    ).toEqual(refused);
    expect(await run(carActions.disconnectVehicleAction, { vehicleId: w.car.id })).toEqual(refused);
    expect(await run(carActions.refreshVehicleAction, { vehicleId: w.car.id })).toEqual(refused);
    expect(await run(codeActions.cancelCodeAction, { codeId: w.code.id })).toEqual(refused);
    // a car of someone else's cannot be used to check in either
    expect(await run(chargeActions.checkInAction, { chargerId: w.charger.id, vehicleId: w.car.id })).toEqual(refused);
    await aliceUntouched(w);
  });

  it("signed out, every driver action is refused as unauthorized", async () => {
    const w = await world();
    const forms: [Parameters<typeof run>[0], Record<string, string>][] = [
      [chargeActions.checkInAction, { chargerId: w.charger.id }],
      [chargeActions.checkOutAction, { sessionId: w.session.id }],
      [chargeActions.fileClaimAction, { sessionId: w.session.id, note: "Signed out and claiming." }],
      [carActions.disconnectVehicleAction, { vehicleId: w.car.id }],
      [carActions.refreshVehicleAction, { vehicleId: w.car.id }],
      [codeActions.redeemOfferAction, { offerId: w.offer.id, idempotencyKey: key() }],
      [codeActions.cancelCodeAction, { codeId: w.code.id }],
    ];
    for (const [act, fields] of forms) expect(await run(act, fields)).toEqual(refusedWith("unauthorized"));
    await aliceUntouched(w);
  });

  it("a merchant member redeeming at their own shop is refused as self-dealing", async () => {
    const w = await world();
    actAs(w.sessions.owner.sessionToken);
    expect(await run(codeActions.redeemOfferAction, { offerId: w.offer.id, idempotencyKey: key() })).toEqual(
      refusedWith("self_dealing"),
    );
  });

  it("the owner of the ids is served (the refusals above are not refusing everyone)", async () => {
    const w = await world();
    actAs(w.sessions.alice.sessionToken);
    expect(await run(codeActions.cancelCodeAction, { codeId: w.code.id })).toEqual({
      ok: true,
      data: { codeId: w.code.id },
    });
    expect(await run(carActions.refreshVehicleAction, { vehicleId: w.car.id })).toMatchObject({ ok: true });
    expect(await run(chargeActions.checkOutAction, { sessionId: w.session.id })).toMatchObject({ ok: true });
  });
});

describe("driver domain functions decide access themselves", () => {
  it("another driver's ids are not found", async () => {
    const w = await world();
    const bob = actorFor(w.bob);
    const calls: [string, () => Promise<unknown>][] = [
      ["recordPing", () => recordPing(bob, w.session.id, PING)],
      ["checkOut", () => checkOut(bob, w.session.id, fakeMeta())],
      ["fileClaim", () => fileClaim(bob, { sessionId: w.session.id, note: "Not my session, really." }, fakeMeta())],
      ["refreshTelemetry", () => refreshTelemetry(bob, w.car.id)],
      ["disconnectVehicle", () => disconnectVehicle(bob, w.car.id, fakeMeta())],
      ["cancelCode", () => cancelCode(bob, w.code.id)],
    ];
    for (const [name, p] of calls) await expect(p(), name).rejects.toMatchObject({ status: 404 });
    expect(await findDriverCode(bob, w.code.id)).toBeNull();
    expect(await previewActiveSession(bob, w.session.id)).toBeNull();
    await aliceUntouched(w);
  });
});
