import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as reportCsvRoute } from "@/app/api/merchants/[merchantId]/report/route";
import { getMerchantReport } from "@/lib/reports";
import { call } from "../support/request";
import { asMerchant, createMerchant, createUser, signedIn, testDb } from "../support/factories";
import { closeConnections } from "../support/ledger";
import { cdt, FROM, reportWorld, TO } from "../support/report-world";

afterAll(closeConnections);

let world: Awaited<ReturnType<typeof reportWorld>>;
beforeAll(async () => {
  world = await reportWorld();
});

const range = { from: FROM, to: TO };
const report = (extra: Record<string, string> = {}) =>
  getMerchantReport(asMerchant(world.owner.id), world.merchant.id, { ...range, ...extra });

/** The cost, summed straight from LedgerEntry (not through the report's code): cash out, fees in. */
async function ledgerCost(merchantId: string): Promise<{ cost: number; fee: number }> {
  const [row] = await testDb.$queryRaw<{ cost: bigint | null; fee: bigint | null }[]>`
    WITH txs AS (
      SELECT t."id" FROM "LedgerTransaction" t LEFT JOIN "LedgerTransaction" o ON o."id" = t."reversesId"
      WHERE t."type" = 'PURCHASE_REWARD' OR (t."type" = 'REVERSAL' AND o."type" = 'PURCHASE_REWARD')
    )
    SELECT
      -sum(e."amount") FILTER (WHERE a."ownerType" = 'MERCHANT' AND a."ownerId" = ${merchantId}) AS "cost",
      sum(e."amount") FILTER (WHERE a."ownerType" = 'PLATFORM' AND a."kind" = 'FEES') AS "fee"
    FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a."id" = e."accountId"
    WHERE e."transactionId" IN (SELECT "id" FROM txs)
      AND e."transactionId" IN (
        SELECT m."transactionId" FROM "LedgerEntry" m JOIN "LedgerAccount" ma ON ma."id" = m."accountId"
        WHERE ma."ownerType" = 'MERCHANT' AND ma."ownerId" = ${merchantId} AND ma."currency" = 'USD')
      AND e."createdAt" >= ${cdt(FROM, "00:00")} AND e."createdAt" < ${cdt("2025-06-11", "00:00")}`;
  return { cost: Number(row.cost ?? 0n), fee: Number(row.fee ?? 0n) };
}

describe("a merchant's report for 2025-06-01 … 2025-06-10", () => {
  it("counts visits at its chargers only (not 700 m away, not cancelled, the range read in Chicago time)", async () => {
    const r = await report();
    expect(r.range).toEqual({ from: FROM, to: TO, days: 10, timeZone: "America/Chicago" });
    expect(r.visits).toBe(3);
    expect(r.daily.map((d) => [d.day, d.visits]).filter(([, n]) => n)).toEqual([
      ["2025-06-02", 1],
      ["2025-06-04", 1],
      ["2025-06-10", 1],
    ]);
  });

  it("counts drivers reached, new and returning, codes by outcome and the Nova received", async () => {
    const r = await report();
    expect(r.drivers).toEqual({ total: 2, new: 1, returning: 1 });
    expect(r.codes).toEqual({ issued: 4, confirmed: 1, expired: 2, cancelled: 1, live: 0 });
    expect(r.novaReceived).toBe(140);
  });

  it("counts matched purchases, their sales and average tickets against every completed order", async () => {
    const r = await report();
    expect(r.purchases).toEqual({
      matched: 2,
      reversed: 1,
      salesCents: 4340,
      avgTicketCents: 2170,
      allOrders: 3,
      allSalesCents: 5330,
      allAvgTicketCents: 1777,
    });
    expect(r.squareConnected).toBe(false);
  });

  it("takes the cost from the ledger to the cent, split into rewards and fees, net of the refund", async () => {
    const r = await report();
    const ledger = await ledgerCost(world.merchant.id);
    expect(ledger).toEqual({ cost: 260, fee: 43 });
    expect(r.cost).toEqual({ totalCents: ledger.cost, rewardCents: ledger.cost - ledger.fee, feeCents: ledger.fee });
    expect(r.daily.reduce((sum, d) => sum + d.costCents, 0)).toBe(ledger.cost);
    expect(r.daily.find((d) => d.day === "2025-06-06")?.costCents).toBe(180);
    expect(r.daily.find((d) => d.day === "2025-06-07")?.costCents).toBe(-180);
    expect(r.returnOnSpend).toBeCloseTo(4340 / 260, 10);
    expect(r.returnOnSpendWords).toBe("Every $1 spent brought $16.69 in sales.");
  });

  it("sums the daily series to the totals", async () => {
    const r = await report();
    const sum = (k: "visits" | "purchases" | "salesCents") => r.daily.reduce((n, d) => n + d[k], 0);
    expect([sum("visits"), sum("purchases"), sum("salesCents")]).toEqual([3, 2, 4340]);
    expect(r.daily.find((d) => d.day === "2025-06-02")).toEqual({
      day: "2025-06-02",
      visits: 1,
      purchases: 1,
      salesCents: 2500,
      costCents: 150,
    });
  });

  it("filters by location: visits near it, its orders and their rewards", async () => {
    const one = await report({ locationId: world.l1.id });
    expect(one.location?.id).toBe(world.l1.id);
    expect(one.visits).toBe(2);
    expect(one.purchases).toMatchObject({
      matched: 1,
      reversed: 1,
      salesCents: 2500,
      allOrders: 2,
      allSalesCents: 3490,
    });
    expect(one.purchases.allAvgTicketCents).toBe(1745);
    expect(one.cost).toEqual({ totalCents: 150, rewardCents: 125, feeCents: 25 });
    const two = await report({ locationId: world.l2.id });
    expect(two.visits).toBe(1);
    expect(two.purchases).toMatchObject({ matched: 1, reversed: 0, salesCents: 1840 });
    expect(two.cost).toEqual({ totalCents: 110, rewardCents: 92, feeCents: 18 });
    expect(two.drivers).toEqual({ total: 2, new: 1, returning: 1 }); // codes are the whole business's
  });

  it("says — for the return when nothing was spent", async () => {
    const r = await getMerchantReport(asMerchant(world.owner.id), world.merchant.id, {
      from: "2025-05-01",
      to: "2025-05-31",
    });
    expect(r.cost.totalCents).toBe(0);
    expect(r.returnOnSpend).toBeNull();
    expect(r.codes.issued).toBe(1);
  });
});

describe("who may see it, and which ranges", () => {
  it("staff see the report; another merchant's member and a location of another merchant get 404", async () => {
    const staff = await getMerchantReport(asMerchant(world.staff.id), world.merchant.id, range);
    expect(staff.visits).toBe(3);
    const outsider = await createUser({ role: "MERCHANT" });
    const theirs = await createMerchant(outsider.id);
    await expect(getMerchantReport(asMerchant(outsider.id), world.merchant.id, range)).rejects.toMatchObject({
      status: 404,
    });
    const res = await call(reportCsvRoute, {
      path: `/?from=${FROM}&to=${TO}`,
      params: { merchantId: world.merchant.id },
      headers: { cookie: (await signedIn(outsider.id)).cookie },
    });
    expect(res.status).toBe(404);
    const foreign = await testDb.merchantLocation.create({
      data: { merchantId: theirs.id, squareLocationId: `SQL-${world.merchant.id}`, name: "Theirs" },
    });
    await expect(report({ locationId: foreign.id })).rejects.toMatchObject({ status: 404, code: "not_found" });
  });

  it.each([
    ["from after to", "from=2025-06-10&to=2025-06-01", /start date must be on or before the end date/],
    ["more than 366 days", "from=2024-01-01&to=2025-01-02", /at most 366 days/],
    ["not a date", "from=yesterday&to=2025-06-01", /^(from: )?Write the start date like 2026-05-01\.$/],
    ["not on the calendar", "from=2025-02-30&to=2025-03-02", /^(from: )?The start date is not on the calendar\.$/],
    // once a 500: the day after 9999-12-31 is no date
    [
      "a year past 2099",
      "from=9999-12-01&to=9999-12-31",
      /^(from: )?Choose a start date between 2000 and 2099\.;? (to: )?Choose an end date/,
    ],
    ["a start alone past 2099", "from=9999-12-15", /^(from: )?Choose a start date between 2000 and 2099\.$/],
    [
      "both dates garbled, said once each",
      "from=x&to=y",
      /^(from: )?Write the start date like 2026-05-01\.;? (to: )?Write the end date like 2026-05-01\.$/,
    ],
  ])("refuses %s with 422 invalid_input and a sentence", async (_, query, message) => {
    const res = await call(reportCsvRoute, {
      path: `/?${query}`,
      params: { merchantId: world.merchant.id },
      headers: { cookie: (await signedIn(world.owner.id)).cookie },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toMatch(message);
    await expect(report(Object.fromEntries(new URLSearchParams(query)))).rejects.toMatchObject({
      code: "invalid_input",
      status: 422,
    });
  });

  it("defaults to the last 30 days up to today; 366 days is allowed", async () => {
    const r = await getMerchantReport(asMerchant(world.owner.id), world.merchant.id, {});
    expect(r.range.days).toBe(30);
    const year = await report({ from: "2024-06-10", to: "2025-06-10" });
    expect(year.range.days).toBe(366);
    expect(year.visits).toBe(3);
  });
});

describe("the CSV download", () => {
  const download = async (query: string) => {
    const res = await call(reportCsvRoute, {
      path: `/?${query}`,
      params: { merchantId: world.merchant.id },
      headers: { cookie: (await signedIn(world.owner.id)).cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    return res;
  };

  it("has one row per day and a totals row that matches the report", async () => {
    const res = await download(`from=${FROM}&to=${TO}`);
    expect(res.headers.get("content-disposition")).toContain(`nerava-report-${FROM}-to-${TO}.csv`);
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe(
      "date,merchant,location,charging_visits,matched_purchases,program_sales_usd,reward_and_fee_cost_usd",
    );
    const name = world.merchant.name;
    expect(lines[2]).toBe(`2025-06-02,${name},All locations,1,1,25,1.5`);
    expect(lines[7]).toBe(`2025-06-07,${name},All locations,0,0,0,-1.8`);
    expect(lines[11]).toBe(`total,${name},All locations,3,2,43.4,2.6`);
  });

  it("writes a location named like a formula as text", async () => {
    const one = (await (await download(`from=${FROM}&to=${TO}&locationId=${world.l1.id}`)).text()).split("\n");
    expect(one[11]).toBe(`total,${world.merchant.name},"'=HYPERLINK(""http://evil.example"",""click"")",2,1,25,1.5`);
    const two = (await (await download(`from=${FROM}&to=${TO}&locationId=${world.l2.id}`)).text()).split("\n");
    expect(two[11]).toBe(`total,${world.merchant.name},"'+1",1,1,18.4,1.1`);
  });
});
