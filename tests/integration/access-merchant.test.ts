import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as summary } from "@/app/api/merchants/[merchantId]/summary/route";
import { POST as confirmJson } from "@/app/api/merchants/[merchantId]/redemptions/route";
import { GET as statement } from "@/app/api/merchants/[merchantId]/statement/route";
import { getBalances, listStatement, unsafeGetBalances } from "@/lib/ledger";
import { getMerchantDashboard, listMyMerchants, resolveWorkingMerchant, selectWorkingMerchant } from "@/lib/merchants";
import { confirmRedemption, directSpend, listMerchantRedemptions, mintSpendToken, redeemOffer } from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { actAs, refusedWith, run } from "../support/actions";
import { actorFor, createMerchant, createUser, fakeMeta, signedIn, testDb, uid } from "../support/factories";
import { call } from "../support/request";

// Merchant family: every handler and action, as a member of ANOTHER merchant (→ 404, nothing
// moves) and as a wrong role (driver, admin → 403); and the domain functions themselves, so a
// new caller that forgets the check is still refused.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const redeemActions = {
  ...(await import("@/lib/actions/merchant/confirm-code")),
  ...(await import("@/lib/actions/merchant/direct-spend")),
};
const { selectMerchantAction } = await import("@/lib/actions/merchant/select-merchant");

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const ORIGIN = "http://localhost:3000";
const key = () => `k-${uid()}-${uid()}-${uid()}`;

/** Two shops with their own members, and a driver holding a code for the first shop's offer. */
async function world() {
  const owner = await createUser({ role: "MERCHANT" });
  const shop = await createMerchant(owner.id);
  const stranger = await createUser({ role: "MERCHANT" });
  const otherShop = await createMerchant(stranger.id);
  const driver = await createUser();
  const admin = await createUser({ role: "ADMIN" });
  await grantNova(
    actorFor(admin),
    { driverId: driver.id, amount: 500, reason: "funds", idempotencyKey: key() },
    fakeMeta(),
  );
  const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: shop.id } });
  const code = await redeemOffer(actorFor(driver), { offerId: offer.id, idempotencyKey: key() }, fakeMeta());
  const spend = await mintSpendToken(actorFor(driver));
  const sessions = {
    owner: await signedIn(owner.id),
    stranger: await signedIn(stranger.id),
    driver: await signedIn(driver.id),
    admin: await signedIn(admin.id),
  };
  return { owner, shop, stranger, otherShop, driver, admin, code, spend, sessions };
}

async function nothingMoved(w: Awaited<ReturnType<typeof world>>) {
  expect(await testDb.redemptionCode.findUniqueOrThrow({ where: { id: w.code.id } })).toMatchObject({ status: "HELD" });
  expect((await unsafeGetBalances("MERCHANT", w.shop.id)).nova.available).toBe(0n);
  expect((await unsafeGetBalances("DRIVER", w.driver.id)).nova).toMatchObject({ available: 400n, held: 100n });
}

describe("merchant handlers", () => {
  it("another merchant's member gets 404 from every handler, and nothing moves", async () => {
    const w = await world();
    const headers = { cookie: w.sessions.stranger.cookie, origin: ORIGIN };
    const params = { merchantId: w.shop.id };
    expect((await call(summary, { headers, params })).status).toBe(404);
    expect((await call(statement, { headers, params })).status).toBe(404);
    const confirm = await call(confirmJson, { method: "POST", headers, params, body: { code: w.code.code } });
    expect(confirm.status).toBe(404);
    expect((await confirm.json()).error.code).toBe("not_found");
    await nothingMoved(w);
  });

  it("a driver and an admin get 403 from every handler", async () => {
    const w = await world();
    for (const who of [w.sessions.driver, w.sessions.admin]) {
      const headers = { cookie: who.cookie, origin: ORIGIN };
      const params = { merchantId: w.shop.id };
      expect((await call(summary, { headers, params })).status).toBe(403);
      expect((await call(statement, { headers, params })).status).toBe(403);
      expect((await call(confirmJson, { method: "POST", headers, params, body: { code: w.code.code } })).status).toBe(
        403,
      );
    }
    await nothingMoved(w);
  });

  it("the shop's own member is served (the checks above are not refusing everyone)", async () => {
    const w = await world();
    const headers = { cookie: w.sessions.owner.cookie, origin: ORIGIN };
    const params = { merchantId: w.shop.id };
    expect((await call(summary, { headers, params })).status).toBe(200);
    expect((await call(statement, { headers, params })).status).toBe(200);
    expect((await call(confirmJson, { method: "POST", headers, params, body: { code: w.code.code } })).status).toBe(
      200,
    );
  });
});

describe("merchant actions", () => {
  it("another merchant's member is refused as not found by confirm, direct spend and select", async () => {
    const w = await world();
    actAs(w.sessions.stranger.sessionToken);
    expect(await run(redeemActions.confirmCodeAction, { merchantId: w.shop.id, code: w.code.code })).toEqual(
      refusedWith("not_found"),
    );
    expect(
      await run(redeemActions.directSpendAction, {
        merchantId: w.shop.id,
        spendCode: w.spend.qrValue,
        amount: "10",
        idempotencyKey: key(),
      }),
    ).toEqual(refusedWith("not_found"));
    expect(await run(selectMerchantAction, { merchantId: w.shop.id })).toEqual(refusedWith("not_found"));
    await nothingMoved(w);
  });

  it("a driver and an admin are refused as forbidden by every merchant action", async () => {
    const w = await world();
    for (const who of [w.sessions.driver, w.sessions.admin]) {
      actAs(who.sessionToken);
      expect(await run(redeemActions.confirmCodeAction, { merchantId: w.shop.id, code: w.code.code })).toEqual(
        refusedWith("forbidden"),
      );
      expect(
        await run(redeemActions.directSpendAction, {
          merchantId: w.shop.id,
          spendCode: w.spend.qrValue,
          amount: "10",
          idempotencyKey: key(),
        }),
      ).toEqual(refusedWith("forbidden"));
      expect(await run(selectMerchantAction, { merchantId: w.shop.id })).toEqual(refusedWith("forbidden"));
    }
    await nothingMoved(w);
  });

  it("the member works on the merchant named in the form, and selects only their own", async () => {
    const w = await world();
    actAs(w.sessions.owner.sessionToken);
    expect(await run(redeemActions.confirmCodeAction, { merchantId: w.shop.id, code: w.code.code })).toMatchObject({
      ok: true,
      data: { nova: 100 },
    });
    expect(await run(selectMerchantAction, { merchantId: w.shop.id })).toEqual({ redirect: "/merchant" });
  });
});

describe("merchant domain functions decide access themselves", () => {
  it("an outsider gets not found and a wrong role forbidden from every read and write", async () => {
    const w = await world();
    const outsider = actorFor(w.stranger);
    const calls = (actor: ReturnType<typeof actorFor>) => [
      () => getMerchantDashboard(actor, w.shop.id),
      () => listMerchantRedemptions(actor, w.shop.id),
      () => getBalances(actor, { ownerType: "MERCHANT", ownerId: w.shop.id }),
      () => listStatement(actor, { ownerType: "MERCHANT", ownerId: w.shop.id }),
      () => confirmRedemption(actor, w.shop.id, { code: w.code.code }, fakeMeta()),
      () =>
        directSpend(actor, w.shop.id, { spendCode: w.spend.qrValue, amount: 10, idempotencyKey: key() }, fakeMeta()),
      () => selectWorkingMerchant(actor, w.shop.id),
    ];
    for (const p of calls(outsider)) await expect(p()).rejects.toMatchObject({ status: 404, code: "not_found" });
    for (const p of calls(actorFor(w.driver)))
      await expect(p).rejects.toMatchObject({ status: 403, code: "forbidden" });
    await expect(listMyMerchants(actorFor(w.driver))).rejects.toMatchObject({ status: 403 });
    await nothingMoved(w);
  });

  it("a member whose role was taken away is forbidden even though the membership row remains", async () => {
    const w = await world();
    await expect(getMerchantDashboard({ userId: w.owner.id, role: "DRIVER" }, w.shop.id)).rejects.toMatchObject({
      status: 403,
    });
  });

  it("the working merchant is never guessed: a member of several must choose, and a foreign choice is ignored", async () => {
    const w = await world();
    await testDb.merchantMember.create({ data: { merchantId: w.otherShop.id, userId: w.owner.id, role: "STAFF" } });
    const owner = actorFor(w.owner);
    expect(await resolveWorkingMerchant(owner)).toMatchObject({ kind: "choose", merchants: expect.any(Array) });
    expect(await resolveWorkingMerchant(owner, w.otherShop.id)).toMatchObject({
      kind: "one",
      merchant: { id: w.otherShop.id },
    });
    // the stranger's only merchant is theirs, whatever they ask for
    expect(await resolveWorkingMerchant(actorFor(w.stranger), w.shop.id)).toMatchObject({
      kind: "one",
      merchant: { id: w.otherShop.id },
    });
  });
});
