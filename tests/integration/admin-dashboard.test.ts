import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProgramDashboard, type DashboardDay } from "@/lib/admin";
import { accounts, postInTx, reverseInTx, runMoneyTx, type LedgerLine, type TransactionType } from "@/lib/ledger";
import { AppError } from "@/lib/errors";
import { asAdmin, asMerchant, createMerchant, createUser, testDb, uid } from "../support/factories";
import { backdate, closeConnections } from "../support/ledger";

afterAll(closeConnections);

// Hand-computed program for 2023-02-01 … 2023-02-05 in America/Chicago (CST, UTC−6 all range);
// no other test writes money or sessions this far back, so program-wide sums are this file's own.
const cst = (day: string, time: string) => new Date(`${day}T${time}:00-06:00`);

let admin: { id: string };
let m1: { id: string; name: string };
let m2: { id: string; name: string };

async function post(type: TransactionType, at: Date, lines: LedgerLine[]) {
  const posted = await runMoneyTx((tx) =>
    postInTx(tx, { idempotencyKey: `dash-${uid()}-${uid()}`, type, reason: type, request: { n: uid() }, lines }),
  );
  await backdate(posted.transactionId, at);
  return posted.transactionId;
}

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
  const [d1, d2] = [await createUser(), await createUser()];
  m1 = await createMerchant();
  m2 = await createMerchant();
  const charger = await testDb.charger.create({
    data: { externalId: `dash-${uid()}`, name: "Dash Charger", address: "1 Dash Way", latitude: 1, longitude: 1 },
  });
  const session = (driverId: string, startedAt: Date, endedAt: Date, status: "VERIFIED" | "UNVERIFIED" | "CANCELLED") =>
    testDb.chargingSession.create({ data: { driverId, chargerId: charger.id, startedAt, endedAt, status } });

  // before the range: d1 holds 1,000 Nova and m1 funded $100
  await post("GRANT", cst("2023-01-20", "12:00"), [
    { account: accounts.novaIssuance(), amount: -1000n },
    { account: accounts.driverNova(d1.id), amount: 1000n },
  ]);
  await post("MERCHANT_TOPUP", cst("2023-01-20", "12:00"), [
    { account: accounts.usdIssuance(), amount: -10_000n },
    { account: accounts.merchantUsd(m1.id), amount: 10_000n },
  ]);
  // 02-01: d1 charges, verified
  await session(d1.id, cst("2023-02-01", "10:00"), cst("2023-02-01", "11:00"), "VERIFIED");
  // 02-02: 300 granted to d2; d1 pays m1 200 at 23:30 Chicago, already 05:30 UTC on the 3rd
  await post("GRANT", cst("2023-02-02", "10:00"), [
    { account: accounts.novaIssuance(), amount: -300n },
    { account: accounts.driverNova(d2.id), amount: 300n },
  ]);
  await post("DIRECT_SPEND", cst("2023-02-02", "23:30"), [
    { account: accounts.driverNova(d1.id), amount: -200n },
    { account: accounts.merchantNova(m1.id), amount: 200n },
  ]);
  // 02-03: d2 redeems 100 at m2, earns a $5 purchase reward at m1 (fee 50¢), a session unverified, one cancelled
  await post("REDEMPTION_HOLD", cst("2023-02-03", "00:30"), [
    { account: accounts.driverNova(d2.id), amount: -100n },
    { account: accounts.driverHeldNova(d2.id), amount: 100n },
  ]);
  await post("REDEMPTION_CONFIRM", cst("2023-02-03", "00:35"), [
    { account: accounts.driverHeldNova(d2.id), amount: -100n },
    { account: accounts.merchantNova(m2.id), amount: 100n },
  ]);
  await post("PURCHASE_REWARD", cst("2023-02-03", "12:00"), [
    { account: accounts.merchantUsd(m1.id), amount: -550n },
    { account: accounts.driverPendingUsd(d2.id), amount: 500n },
    { account: accounts.feesUsd(), amount: 50n },
  ]);
  await session(d2.id, cst("2023-02-03", "09:00"), cst("2023-02-03", "10:00"), "UNVERIFIED");
  await session(d2.id, cst("2023-02-03", "13:00"), cst("2023-02-03", "13:05"), "CANCELLED");
  // 02-04: a grant of 50 to d1 reversed the same day; d2's reward becomes available
  const grant = await post("GRANT", cst("2023-02-04", "09:00"), [
    { account: accounts.novaIssuance(), amount: -50n },
    { account: accounts.driverNova(d1.id), amount: 50n },
  ]);
  const reversal = await runMoneyTx((tx) =>
    reverseInTx(tx, {
      transactionId: grant,
      idempotencyKey: `dash-rev-${uid()}`,
      reason: "mistake",
      actorId: admin.id,
      request: {},
    }),
  );
  await backdate(reversal.transactionId, cst("2023-02-04", "09:30"));
  await post("PURCHASE_REWARD_RELEASE", cst("2023-02-04", "12:00"), [
    { account: accounts.driverPendingUsd(d2.id), amount: -500n },
    { account: accounts.driverUsd(d2.id), amount: 500n },
  ]);
  // 02-05: d2 cashes out $3, paid the same day; 100 of d1's Nova expire; d1 charges late, verified
  await post("PAYOUT_REQUEST", cst("2023-02-05", "10:00"), [
    { account: accounts.driverUsd(d2.id), amount: -300n },
    { account: accounts.payoutsClearingUsd(), amount: 300n },
  ]);
  await post("PAYOUT_SETTLE", cst("2023-02-05", "11:00"), [
    { account: accounts.payoutsClearingUsd(), amount: -300n },
    { account: accounts.payoutsSentUsd(), amount: 300n },
  ]);
  await post("NOVA_EXPIRY", cst("2023-02-05", "03:00"), [
    { account: accounts.driverNova(d1.id), amount: -100n },
    { account: accounts.novaIssuance(), amount: 100n },
  ]);
  await session(d1.id, cst("2023-02-05", "22:00"), cst("2023-02-05", "23:50"), "VERIFIED");
  // after the range (00:10 Chicago on the 6th): not counted
  await session(d2.id, cst("2023-02-05", "23:55"), cst("2023-02-06", "00:10"), "VERIFIED");
});

const dashboard = (search: Record<string, unknown> = { from: "2023-02-01", to: "2023-02-05" }) =>
  getProgramDashboard(asAdmin(admin.id), search);

const pick = (days: DashboardDay[], keys: (keyof DashboardDay)[]) => days.map((d) => keys.map((k) => d[k]).join(" "));

describe("the program dashboard for 2023-02-01 … 2023-02-05 (Chicago)", () => {
  it("has one row per day, days without activity as zeros", async () => {
    const r = await dashboard();
    expect(r.range).toMatchObject({ from: "2023-02-01", to: "2023-02-05", days: 5, timeZone: "America/Chicago" });
    expect(r.days.map((d) => d.day)).toEqual(["2023-02-01", "2023-02-02", "2023-02-03", "2023-02-04", "2023-02-05"]);
    expect(r.days[3]).toMatchObject({ novaIssued: 0, novaRedeemed: 0, activeDrivers: 0, endedSessions: 0 });
  });

  it("counts Nova issued (net of a reversal), redeemed (23:30 Chicago on its own day), expired and outstanding", async () => {
    const r = await dashboard();
    expect(pick(r.days, ["day", "novaIssued", "novaRedeemed", "novaExpired", "novaOutstanding"])).toEqual([
      "2023-02-01 0 0 0 1000",
      "2023-02-02 300 200 0 1100",
      "2023-02-03 0 100 0 1000",
      "2023-02-04 0 0 0 1000",
      "2023-02-05 0 0 100 900",
    ]);
    expect(r.totals).toMatchObject({ novaIssued: 300, novaRedeemed: 300, novaExpired: 100, novaOutstanding: 900 });
  });

  it("counts cash rewards, cash-outs and the float against what was funded and paid out", async () => {
    const r = await dashboard();
    expect(
      pick(r.days, ["day", "cashRewardCents", "cashOutCents", "owedToDriversCents", "fundedCents", "paidOutCents"]),
    ).toEqual([
      "2023-02-01 0 0 0 10000 0",
      "2023-02-02 0 0 0 10000 0",
      "2023-02-03 500 0 500 10000 0",
      "2023-02-04 0 0 500 10000 0",
      "2023-02-05 0 300 200 10000 300",
    ]);
    expect(r.totals).toMatchObject({ cashRewardCents: 500, cashOutCents: 300, owedToDriversCents: 200 });
  });

  it("counts verified ÷ ended sessions (cancelled and next-day ones left out) and active drivers and merchants", async () => {
    const r = await dashboard();
    expect(pick(r.days, ["day", "endedSessions", "verifiedSessions", "activeDrivers", "activeMerchants"])).toEqual([
      "2023-02-01 1 1 1 0",
      "2023-02-02 0 0 1 1",
      "2023-02-03 1 0 1 2",
      "2023-02-04 0 0 0 0",
      "2023-02-05 1 1 2 0",
    ]);
    expect(r.totals).toMatchObject({ endedSessions: 3, verifiedSessions: 2, activeDrivers: 2, activeMerchants: 2 });
    expect(r.totals.verifiedRate).toBeCloseTo(2 / 3, 10);
  });

  it("ranks top merchants by Nova redeemed, with the purchase rewards they paid", async () => {
    const r = await dashboard();
    expect(r.topMerchants.map((m) => [m.id, m.novaRedeemed, m.purchaseRewardCents])).toEqual([
      [m1.id, 200, 550],
      [m2.id, 100, 0],
    ]);
  });

  it("reads a narrower range on its own: the 3rd alone, balances carried in", async () => {
    const r = await dashboard({ from: "2023-02-03", to: "2023-02-03" });
    expect(r.totals).toMatchObject({ novaRedeemed: 100, novaOutstanding: 1000, activeDrivers: 1, activeMerchants: 2 });
    expect(r.topMerchants.map((m) => m.id)).toEqual([m2.id, m1.id]);
  });

  it("offers 7, 30 and 90 days up to today, 30 by default", async () => {
    expect((await dashboard({ days: "7" })).days).toHaveLength(7);
    expect((await dashboard({ days: "90" })).days).toHaveLength(90);
    const dflt = await dashboard({});
    expect(dflt.range).toMatchObject({ days: 30, preset: 30 });
    expect(dflt.days).toHaveLength(30);
  });

  it("answers a bad range with a sentence, not a crash", async () => {
    const problem = (search: Record<string, unknown>) =>
      dashboard(search).then(
        () => "accepted",
        (e: unknown) => (e instanceof AppError ? `${e.status} ${e.message}` : String(e)),
      );
    expect(await problem({ days: "12" })).toBe("422 Choose 7, 30 or 90 days, or a start and an end date.");
    expect(await problem({ from: "2023-02-05", to: "2023-02-01" })).toBe(
      "422 The start date must be on or before the end date.",
    );
    expect(await problem({ from: "2023-02-30", to: "2023-03-01" })).toBe("422 The start date is not on the calendar.");
  });

  it("is for admins only", async () => {
    const owner = await createUser({ role: "MERCHANT" });
    await expect(getProgramDashboard(asMerchant(owner.id), {})).rejects.toMatchObject({ status: 403 });
  });
});
