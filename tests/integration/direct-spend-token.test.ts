import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as mintRoute } from "@/app/api/wallet/spend-token/route";
import { checkLedger, unsafeGetBalances, type LedgerViolation } from "@/lib/ledger";
import { directSpend, getOrCreatePass, listSpendReports, mintSpendToken, reportSpend } from "@/lib/merchants";
import { grantNova } from "@/lib/rewards";
import { onPostgresServer } from "../support/env";
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
import { closeConnections, newViolations } from "../support/ledger";
import { call } from "../support/request";

// Item 5 of issue 9: the pass only identifies a driver; a debit needs a spend code from the
// driver's app, which pays once, for about a minute, within a per-merchant daily limit.

const key = () => `k-${uid()}-${uid()}-${uid()}`;
const ORIGIN = "http://localhost:3000";
const DAILY_LIMIT = 2000; // DIRECT_SPEND_DAILY_LIMIT_NOVA's default

let adminId: string;
let baseline: LedgerViolation[] = [];

beforeAll(async () => {
  adminId = (await createUser({ role: "ADMIN" })).id;
  baseline = (await checkLedger(testDb)).violations;
});

afterAll(closeConnections);

async function fundedDriver(amount: number) {
  const driver = await createUser();
  await grantNova(
    asAdmin(adminId),
    { driverId: driver.id, amount, reason: "test funds", idempotencyKey: key() },
    fakeMeta(),
  );
  return driver;
}

/** A merchant with `members` staff (each member has its own per-minute code-attempt budget). */
async function shop(members = 1) {
  const owner = await createUser({ role: "MERCHANT" });
  const merchant = await createMerchant(owner.id);
  const staff = [owner.id];
  for (let i = 1; i < members; i++) {
    const user = await createUser({ role: "MERCHANT" });
    await testDb.merchantMember.create({ data: { merchantId: merchant.id, userId: user.id, role: "STAFF" } });
    staff.push(user.id);
  }
  return { merchant, staff };
}

const spend = (staffId: string, merchantId: string, spendCode: string, amount: number, idempotencyKey = key()) =>
  directSpend(asMerchant(staffId), merchantId, { spendCode, amount, idempotencyKey }, fakeMeta());

const nova = async (ownerType: "DRIVER" | "MERCHANT", id: string) =>
  (await unsafeGetBalances(ownerType, id)).nova.available;

const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === "fulfilled" ? "ok" : ((r.reason as { code?: string }).code ?? String(r.reason));
const tally = (results: PromiseSettledResult<unknown>[]) =>
  results.reduce<Record<string, number>>((acc, r) => ((acc[codeOf(r)] = (acc[codeOf(r)] ?? 0) + 1), acc), {});

describe("a spend code", () => {
  it("debits once, records which code paid, and tells the driver by email", async () => {
    const driver = await fundedDriver(1000);
    const { merchant, staff } = await shop();
    const token = await mintSpendToken(asDriver(driver.id));
    expect(token.display).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(token.expiresAt.getTime() - token.issuedAt.getTime()).toBe(60_000);

    // typed in lower case with the dash, as a cashier might
    const paid = await spend(staff[0], merchant.id, token.display.toLowerCase(), 250);
    expect(paid).toMatchObject({ amount: 250, replayed: false });
    expect(await nova("DRIVER", driver.id)).toBe(750n);
    expect(await nova("MERCHANT", merchant.id)).toBe(250n);
    const row = await testDb.spendToken.findFirstOrThrow({ where: { driverId: driver.id } });
    expect(row).toMatchObject({ merchantId: merchant.id, transactionId: paid.transactionId });
    expect(row.usedAt).not.toBeNull();
    // only a keyed hash of the code is stored
    expect(row.codeHash).not.toContain(token.code);
    expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);

    const mail = await testDb.outboxMessage.findFirstOrThrow({ where: { to: driver.email! } });
    expect(mail.subject).toBe(`You paid 250 Nova at ${merchant.name}`);
    expect(mail.link).toBe(`http://localhost:3000/app/wallet#tx-${paid.transactionId}`);
    expect(mail.body).toContain("Not me? Report it");
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("is refused when replayed, and a resubmit of the same form gets the first result", async () => {
    const driver = await fundedDriver(1000);
    const { merchant, staff } = await shop();
    const token = await mintSpendToken(asDriver(driver.id));
    const formKey = key();
    const first = await spend(staff[0], merchant.id, token.qrValue, 100, formKey);

    // the same form submitted again (a double tap): the first transaction, nothing more
    await expect(spend(staff[0], merchant.id, token.qrValue, 100, formKey)).resolves.toEqual({
      transactionId: first.transactionId,
      replayed: true,
      amount: 100,
    });
    // the same form key with another amount is a different request
    await expect(spend(staff[0], merchant.id, token.qrValue, 101, formKey)).rejects.toMatchObject({
      code: "idempotency_conflict",
      status: 409,
    });
    // a new charge with the seen code
    await expect(spend(staff[0], merchant.id, token.qrValue, 100)).rejects.toMatchObject({
      code: "spend_token_used",
      status: 409,
    });
    // another shop that saw the code
    const other = await shop();
    await expect(spend(other.staff[0], other.merchant.id, token.code, 100)).rejects.toMatchObject({
      code: "spend_token_used",
    });
    expect(await nova("DRIVER", driver.id)).toBe(900n);
    expect(await testDb.ledgerTransaction.count({ where: { type: "DIRECT_SPEND", actorId: staff[0] } })).toBe(1);
  });

  it("is refused once expired, and paid nothing", async () => {
    const driver = await fundedDriver(500);
    const { merchant, staff } = await shop();
    const token = await mintSpendToken(asDriver(driver.id));
    await testDb.$executeRaw`UPDATE "SpendToken" SET "createdAt" = now() - interval '2 minutes', "expiresAt" = now() - interval '1 second' WHERE "driverId" = ${driver.id}`;
    await expect(spend(staff[0], merchant.id, token.code, 100)).rejects.toMatchObject({
      code: "spend_token_expired",
      status: 410,
    });
    expect(await nova("DRIVER", driver.id)).toBe(500n);
    expect((await testDb.spendToken.findFirstOrThrow({ where: { driverId: driver.id } })).usedAt).toBeNull();
  });

  it("is refused when unknown or malformed", async () => {
    const { merchant, staff } = await shop();
    for (const input of ["ZZZZ-ZZZZ", "NERAVA-SPEND:ZZZZZZZZ", "not a code", "12345"])
      await expect(spend(staff[0], merchant.id, input, 10)).rejects.toMatchObject({
        code: "spend_token_invalid",
        status: 400,
      });
  });

  it("leaves the code usable when the debit is refused (balance), so a smaller amount can go through", async () => {
    const driver = await fundedDriver(300);
    const { merchant, staff } = await shop();
    const token = await mintSpendToken(asDriver(driver.id));
    await expect(spend(staff[0], merchant.id, token.code, 301)).rejects.toMatchObject({ code: "insufficient_funds" });
    await expect(spend(staff[0], merchant.id, token.code, 300)).resolves.toMatchObject({ replayed: false });
    expect(await nova("DRIVER", driver.id)).toBe(0n);
  });

  it("of a suspended driver pays nothing", async () => {
    const driver = await fundedDriver(300);
    const { merchant, staff } = await shop();
    const token = await mintSpendToken(asDriver(driver.id));
    await testDb.user.update({ where: { id: driver.id }, data: { status: "SUSPENDED" } });
    await expect(spend(staff[0], merchant.id, token.code, 100)).rejects.toMatchObject({ code: "account_suspended" });
    expect(await nova("DRIVER", driver.id)).toBe(300n);
  });
});

describe("the pass", () => {
  it("only identifies the driver: its QR value and its serial can never debit", async () => {
    const driver = await fundedDriver(3000);
    const { merchant, staff } = await shop();
    const pass = await getOrCreatePass(asDriver(driver.id));
    for (const input of [pass.qrValue, pass.serialNumber, ` ${pass.serialNumber} `, "NERAVA-PASS:unknown"]) {
      const refused = spend(staff[0], merchant.id, input, 100);
      await expect(refused).rejects.toMatchObject({ code: "pass_cannot_pay", status: 400 });
      await expect(refused).rejects.toThrow(/spend code in their Nerava app/);
    }
    expect(await nova("DRIVER", driver.id)).toBe(3000n);
    expect(await testDb.auditLog.count({ where: { action: "nova.spend_refused_pass", targetId: driver.id } })).toBe(3);
  });
});

describe("binding to the driver", () => {
  it("a code minted for driver A debits A whatever else the request says", async () => {
    const alice = await fundedDriver(500);
    const bob = await fundedDriver(500);
    const bobPass = await getOrCreatePass(asDriver(bob.id));
    const { merchant, staff } = await shop();
    const token = await mintSpendToken(asDriver(alice.id));
    const tampered = {
      spendCode: token.code,
      amount: 50,
      idempotencyKey: key(),
      driverId: bob.id,
      pass: bobPass.qrValue,
    };
    await directSpend(asMerchant(staff[0]), merchant.id, tampered as never, fakeMeta());
    expect(await nova("DRIVER", alice.id)).toBe(450n);
    expect(await nova("DRIVER", bob.id)).toBe(500n);
    // a changed character is another code, which nobody was given
    const changed = token.code.slice(0, 7) + (token.code[7] === "A" ? "B" : "A");
    await expect(spend(staff[0], merchant.id, changed, 50)).rejects.toMatchObject({ code: "spend_token_invalid" });
    // Bob's pass in front of Alice's code is a pass, refused
    await expect(spend(staff[0], merchant.id, `${bobPass.qrValue}${token.code}`, 50)).rejects.toMatchObject({
      code: "pass_cannot_pay",
    });
    expect(await nova("DRIVER", bob.id)).toBe(500n);
  });

  it("only the signed-in driver mints a code, for themself", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const s = await signedIn(alice.id);
    expect((await call(mintRoute, { method: "POST", headers: { origin: ORIGIN } })).status).toBe(401);
    expect(
      (await call(mintRoute, { method: "POST", headers: { cookie: s.cookie, origin: "https://evil.example" } })).status,
    ).toBe(403);
    const res = await call(mintRoute, {
      method: "POST",
      headers: { cookie: s.cookie, origin: ORIGIN, "content-type": "application/json" },
      body: { driverId: bob.id, userId: bob.id },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.qrValue).toBe(`NERAVA-SPEND:${body.code.replace("-", "")}`);
    expect(await testDb.spendToken.count({ where: { driverId: alice.id } })).toBe(1);
    expect(await testDb.spendToken.count({ where: { driverId: bob.id } })).toBe(0);
  });
});

describe.runIf(onPostgresServer)("under concurrency (PostgreSQL server)", () => {
  it("20 concurrent uses of one code make exactly one debit", async () => {
    const driver = await fundedDriver(1000);
    const { merchant, staff } = await shop(20);
    const token = await mintSpendToken(asDriver(driver.id));
    const results = await Promise.allSettled(staff.map((s) => spend(s, merchant.id, token.code, 40)));
    expect(tally(results)).toEqual({ ok: 1, spend_token_used: 19 });
    expect(await nova("DRIVER", driver.id)).toBe(960n);
    expect(await nova("MERCHANT", merchant.id)).toBe(40n);
    expect(
      await testDb.ledgerTransaction.count({
        where: { type: "DIRECT_SPEND", metadata: { path: ["merchantId"], equals: merchant.id } },
      }),
    ).toBe(1);
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("the daily limit per merchant and driver holds when spends race", async () => {
    const driver = await fundedDriver(5000);
    const { merchant, staff } = await shop(10);
    const tokens = await Promise.all(staff.map(() => mintSpendToken(asDriver(driver.id))));
    // 10 × 300 at once against a limit of 2,000: exactly 6 fit
    const results = await Promise.allSettled(staff.map((s, i) => spend(s, merchant.id, tokens[i].code, 300)));
    expect(tally(results)).toEqual({ ok: 6, spend_daily_limit: 4 });
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    expect(refused.reason.message).toContain(`${DAILY_LIMIT} Nova a day`);
    expect(await nova("DRIVER", driver.id)).toBe(5000n - 1800n);
    const day = new Date().toISOString().slice(0, 10);
    expect(
      (
        await testDb.usageCounter.findUniqueOrThrow({
          where: { key: `direct-spend:${merchant.id}:${driver.id}:${day}` },
        })
      ).used,
    ).toBe(1800n);
    // the refused codes were not used up
    expect(await testDb.spendToken.count({ where: { driverId: driver.id, usedAt: null } })).toBe(4);
    // the limit is per merchant: another shop can still take Nova from this driver today
    const other = await shop();
    await expect(
      spend(other.staff[0], other.merchant.id, (await mintSpendToken(asDriver(driver.id))).code, 300),
    ).resolves.toMatchObject({
      replayed: false,
    });
    expect(await newViolations(baseline)).toEqual([]);
  });
});

describe("reporting a spend", () => {
  it("is scoped to the driver's own spends, once each, and admins see it", async () => {
    const alice = await fundedDriver(500);
    const bob = await fundedDriver(500);
    const { merchant, staff } = await shop();
    const paid = await spend(staff[0], merchant.id, (await mintSpendToken(asDriver(alice.id))).code, 120);
    const actor = (id: string) => ({ userId: id, role: "DRIVER" as const });

    // another driver's transaction, a merchant member, a made-up id: not found
    for (const who of [bob.id, staff[0]])
      await expect(reportSpend(actor(who), { transactionId: paid.transactionId }, fakeMeta())).rejects.toMatchObject({
        code: "not_found",
        status: 404,
      });
    await expect(reportSpend(actor(alice.id), { transactionId: "nope" }, fakeMeta())).rejects.toMatchObject({
      status: 404,
    });
    // a grant to Alice is hers but is not a spend
    const grant = await testDb.ledgerTransaction.findFirstOrThrow({
      where: { type: "GRANT", entries: { some: { account: { ownerId: alice.id } } } },
    });
    await expect(reportSpend(actor(alice.id), { transactionId: grant.id }, fakeMeta())).rejects.toMatchObject({
      status: 404,
    });

    await expect(reportSpend(actor(alice.id), { transactionId: paid.transactionId }, fakeMeta())).resolves.toEqual({
      transactionId: paid.transactionId,
      alreadyReported: false,
    });
    await expect(reportSpend(actor(alice.id), { transactionId: paid.transactionId }, fakeMeta())).resolves.toEqual({
      transactionId: paid.transactionId,
      alreadyReported: true,
    });
    expect(await testDb.spendReport.findMany({ where: { transactionId: paid.transactionId } })).toMatchObject([
      { driverId: alice.id, merchantId: merchant.id, nova: 120 },
    ]);
    expect(
      await testDb.auditLog.count({ where: { action: "nova.spend_reported", targetId: paid.transactionId } }),
    ).toBe(1);

    await expect(listSpendReports(actor(alice.id))).rejects.toMatchObject({ status: 403 });
    const reports = await listSpendReports({ userId: adminId, role: "ADMIN" }, 50);
    expect(reports.find((r) => r.transactionId === paid.transactionId)).toMatchObject({
      nova: 120,
      driver: alice.email,
      merchant: merchant.name,
      reversed: false,
    });
  });
});
