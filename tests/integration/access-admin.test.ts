import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as grantJson } from "@/app/api/admin/grants/route";
import { POST as suspendJson } from "@/app/api/admin/users/[id]/suspend/route";
import { GET as accountStatement } from "@/app/api/admin/accounts/[ownerType]/[ownerId]/statement/route";
import { getAccountOwner, getAdminOverview, getLedgerTransaction, listLedgerTransactions } from "@/lib/admin";
import { changeUserRole, reinstateUser, searchUsers, suspendUser } from "@/lib/auth";
import { decideClaim, getClaimEvidence, listOpenClaims } from "@/lib/charging";
import { listFlags, setFlag } from "@/lib/flags";
import { getBalances, listStatement, unsafeGetBalances } from "@/lib/ledger";
import { grantNova, reverseTransaction } from "@/lib/rewards";
import { actAs, refusedWith, run } from "../support/actions";
import { actorFor, createMerchant, createUser, fakeMeta, signedIn, testDb, uid } from "../support/factories";
import { call } from "../support/request";

// Admin family: every handler and action as a driver and as a merchant (→ 403, nothing changes),
// and an id that names nothing (→ 404); then every admin read and write in lib/ called directly
// with a wrong role, so a page or handler that forgets its guard still shows nothing.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const grantActions = await import("@/lib/actions/admin/grant-nova");
const userActions = {
  ...(await import("@/lib/actions/admin/suspend-user")),
  ...(await import("@/lib/actions/admin/reinstate-user")),
  ...(await import("@/lib/actions/admin/change-role")),
};
const ledgerActions = await import("@/lib/actions/admin/reverse-transaction");
const claimActions = await import("@/lib/actions/admin/decide-claim");
const flagActions = await import("@/lib/actions/admin/set-flag");

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const ORIGIN = "http://localhost:3000";
const key = () => `k-${uid()}-${uid()}-${uid()}`;
const MISSING = "does-not-exist-0000";

async function world() {
  const admin = await createUser({ role: "ADMIN" });
  const driver = await createUser();
  const merchantUser = await createUser({ role: "MERCHANT" });
  const shop = await createMerchant(merchantUser.id);
  const grant = await grantNova(
    actorFor(admin),
    { driverId: driver.id, amount: 40, reason: "seed", idempotencyKey: key() },
    fakeMeta(),
  );
  const charger = await testDb.charger.create({
    data: { externalId: `c-${uid()}`, name: "Admin Plaza", address: "1 Test St", latitude: 30.3, longitude: -97.7 },
  });
  const chargingSession = await testDb.chargingSession.create({
    data: {
      driverId: driver.id,
      chargerId: charger.id,
      status: "UNVERIFIED",
      startedAt: new Date(Date.now() - 60_000),
      endedAt: new Date(),
    },
  });
  const claim = await testDb.rewardClaim.create({
    data: { sessionId: chargingSession.id, driverId: driver.id, note: "I charged here." },
  });
  const sessions = {
    admin: await signedIn(admin.id),
    driver: await signedIn(driver.id),
    merchant: await signedIn(merchantUser.id),
  };
  const flag = await testDb.featureFlag.findUnique({ where: { key: "NOVA_GRANTS_ENABLED" } });
  return { admin, driver, merchantUser, shop, grant, claim, sessions, flag };
}

/** Every admin action with a valid form for this world. */
function adminActions(w: Awaited<ReturnType<typeof world>>) {
  return {
    grantNovaAction: [
      grantActions.grantNovaAction,
      { driverId: w.driver.id, amount: "5", reason: "a bonus", idempotencyKey: key() },
    ],
    suspendUserAction: [userActions.suspendUserAction, { userId: w.driver.id, reason: "abuse" }],
    reinstateUserAction: [userActions.reinstateUserAction, { userId: w.driver.id, reason: "ok" }],
    changeRoleAction: [userActions.changeRoleAction, { userId: w.driver.id, role: "ADMIN" }],
    reverseTransactionAction: [
      ledgerActions.reverseTransactionAction,
      { transactionId: w.grant.transactionId, reason: "mistake", idempotencyKey: key() },
    ],
    decideClaimAction: [claimActions.decideClaimAction, { claimId: w.claim.id, approve: "true", note: "fine" }],
    setFlagAction: [flagActions.setFlagAction, { key: "NOVA_GRANTS_ENABLED", enabled: "false" }],
  } as const;
}

async function nothingChanged(w: Awaited<ReturnType<typeof world>>) {
  expect(await testDb.user.findUniqueOrThrow({ where: { id: w.driver.id } })).toMatchObject({
    role: "DRIVER",
    status: "ACTIVE",
  });
  expect((await unsafeGetBalances("DRIVER", w.driver.id)).nova.available).toBe(40n);
  expect(await testDb.ledgerTransaction.count({ where: { reversesId: w.grant.transactionId } })).toBe(0);
  expect((await testDb.rewardClaim.findUniqueOrThrow({ where: { id: w.claim.id } })).status).toBe("OPEN");
  expect(await testDb.featureFlag.findUnique({ where: { key: "NOVA_GRANTS_ENABLED" } })).toEqual(w.flag);
  const people = [w.admin.id, w.driver.id, w.merchantUser.id];
  expect(await testDb.auditLog.count({ where: { action: "admin.flag_changed", actorId: { in: people } } })).toBe(0);
}

describe("admin handlers", () => {
  it("a driver and a merchant get 403 from every handler, and nothing changes", async () => {
    const w = await world();
    for (const who of [w.sessions.driver, w.sessions.merchant]) {
      const headers = { cookie: who.cookie, origin: ORIGIN };
      const grant = await call(grantJson, {
        method: "POST",
        headers,
        body: { driverId: w.driver.id, amount: 5, reason: "a bonus", idempotencyKey: key() },
      });
      expect(grant.status).toBe(403);
      const suspend = await call(suspendJson, {
        method: "POST",
        headers,
        params: { id: w.driver.id },
        body: { reason: "abuse" },
      });
      expect(suspend.status).toBe(403);
      const csv = await call(accountStatement, { headers, params: { ownerType: "DRIVER", ownerId: w.driver.id } });
      expect(csv.status).toBe(403);
    }
    await nothingChanged(w);
  });

  it("an id that names nothing is 404 for the admin", async () => {
    const w = await world();
    const headers = { cookie: w.sessions.admin.cookie, origin: ORIGIN };
    const grant = await call(grantJson, {
      method: "POST",
      headers,
      body: { driverId: MISSING, amount: 5, reason: "a bonus", idempotencyKey: key() },
    });
    expect(grant.status).toBe(404);
    expect(
      (await call(suspendJson, { method: "POST", headers, params: { id: MISSING }, body: { reason: "x" } })).status,
    ).toBe(404);
    for (const ownerType of ["DRIVER", "MERCHANT"])
      expect((await call(accountStatement, { headers, params: { ownerType, ownerId: MISSING } })).status).toBe(404);
    expect(
      (await call(accountStatement, { headers, params: { ownerType: "DRIVER", ownerId: w.driver.id } })).status,
    ).toBe(200);
  });
});

describe("admin actions", () => {
  it("a driver and a merchant are refused as forbidden by every admin action, and nothing changes", async () => {
    const w = await world();
    for (const who of [w.sessions.driver, w.sessions.merchant]) {
      actAs(who.sessionToken);
      for (const [name, [act, fields]] of Object.entries(adminActions(w)))
        expect(await run(act, fields), `${name}`).toEqual(refusedWith("forbidden"));
    }
    await nothingChanged(w);
  });

  it("an id that names nothing is not found", async () => {
    const w = await world();
    actAs(w.sessions.admin.sessionToken);
    const missing = {
      grantNovaAction: { driverId: MISSING, amount: "5", reason: "a bonus", idempotencyKey: key() },
      suspendUserAction: { userId: MISSING, reason: "abuse" },
      reinstateUserAction: { userId: MISSING, reason: "ok" },
      changeRoleAction: { userId: MISSING, role: "ADMIN" },
      reverseTransactionAction: { transactionId: MISSING, reason: "mistake", idempotencyKey: key() },
      decideClaimAction: { claimId: MISSING, approve: "true", note: "fine" },
    } as const;
    const actions = adminActions(w);
    for (const [name, fields] of Object.entries(missing))
      expect(await run(actions[name as keyof typeof missing][0], fields), name).toEqual(refusedWith("not_found"));
    await nothingChanged(w);
  });
});

describe("admin domain functions decide access themselves", () => {
  it("every admin read and write refuses a driver and a merchant", async () => {
    const w = await world();
    for (const actor of [actorFor(w.driver), actorFor(w.merchantUser)]) {
      const calls: [string, () => Promise<unknown>][] = [
        ["getAdminOverview", () => getAdminOverview(actor)],
        ["listLedgerTransactions", () => listLedgerTransactions(actor)],
        ["getLedgerTransaction", () => getLedgerTransaction(actor, w.grant.transactionId)],
        ["getAccountOwner", () => getAccountOwner(actor, "DRIVER", w.driver.id)],
        ["searchUsers", () => searchUsers(actor, "test")],
        ["listOpenClaims", () => listOpenClaims(actor)],
        ["getClaimEvidence", () => getClaimEvidence(actor, w.claim.id)],
        ["listFlags", () => listFlags(actor)],
        ["setFlag", () => setFlag(actor, "NOVA_GRANTS_ENABLED", false, fakeMeta())],
        ["suspendUser", () => suspendUser(actor, { userId: w.driver.id }, fakeMeta())],
        ["reinstateUser", () => reinstateUser(actor, { userId: w.driver.id }, fakeMeta())],
        ["changeUserRole", () => changeUserRole(actor, { userId: w.driver.id, role: "ADMIN" }, fakeMeta())],
        [
          "grantNova",
          () =>
            grantNova(
              actor,
              { driverId: w.driver.id, amount: 5, reason: "x bonus", idempotencyKey: key() },
              fakeMeta(),
            ),
        ],
        [
          "reverseTransaction",
          () =>
            reverseTransaction(
              actor,
              { transactionId: w.grant.transactionId, reason: "x", idempotencyKey: key() },
              fakeMeta(),
            ),
        ],
        ["decideClaim", () => decideClaim(actor, { claimId: w.claim.id, approve: true, note: "fine" }, fakeMeta())],
        ["getBalances (platform)", () => getBalances(actor, { ownerType: "PLATFORM", ownerId: "platform" })],
      ];
      for (const [name, p] of calls) await expect(p(), name).rejects.toMatchObject({ status: 403, code: "forbidden" });
    }
    // another person's ledger account is, to anyone but an admin, an account that does not exist
    const stranger = actorFor(w.merchantUser);
    await expect(getBalances(stranger, { ownerType: "DRIVER", ownerId: w.driver.id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(listStatement(stranger, { ownerType: "DRIVER", ownerId: w.driver.id })).rejects.toMatchObject({
      status: 404,
    });
    await nothingChanged(w);
  });

  it("the admin is served by the same functions", async () => {
    const w = await world();
    const admin = actorFor(w.admin);
    expect((await getAdminOverview(admin)).drivers).toBeGreaterThan(0);
    expect(await getLedgerTransaction(admin, w.grant.transactionId)).toMatchObject({ type: "GRANT" });
    expect(await getClaimEvidence(admin, w.claim.id)).toMatchObject({ id: w.claim.id });
    expect(await getBalances(admin, { ownerType: "MERCHANT", ownerId: w.shop.id })).toMatchObject({
      nova: { available: 0n },
    });
  });
});
