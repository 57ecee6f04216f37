import "server-only";
import { requireMembership, type Actor } from "@/lib/access";
import { listCodes, listMatchedPurchases, listVisits, sumCompletedOrders, sumNovaReceived } from "./activity";
import { listRewardCosts } from "./cost";
import { dayIn, eachDay } from "./days";
import { countDriversReached, type DriversReached } from "./drivers";
import { parseReportRange, type ReportRangeRaw } from "./range";
import { resolveScope } from "./scope";
import { returnOnSpend, returnOnSpendWords } from "./words";

export type ReportDay = { day: string; visits: number; purchases: number; salesCents: number; costCents: number };

export type MerchantReport = {
  merchant: { id: string; name: string; chargerName: string | null };
  range: { from: string; to: string; days: number; timeZone: string };
  locations: { id: string; name: string }[];
  location: { id: string; name: string } | null;
  squareConnected: boolean;
  visits: number;
  drivers: DriversReached;
  codes: { issued: number; confirmed: number; expired: number; cancelled: number; live: number };
  novaReceived: number;
  purchases: {
    /** Matched and not taken back. */
    matched: number;
    reversed: number;
    salesCents: number;
    avgTicketCents: number | null;
    allOrders: number;
    allSalesCents: number;
    allAvgTicketCents: number | null;
  };
  cost: { totalCents: number; rewardCents: number; feeCents: number };
  returnOnSpend: number | null;
  returnOnSpendWords: string;
  daily: ReportDay[];
};

const average = (cents: number, count: number) => (count > 0 ? Math.round(cents / count) : null);

/**
 * What the program brought a merchant in a range of days (business time zone), for its members
 * (owners and staff; an outsider is told it does not exist). Money figures come from the ledger.
 */
export async function getMerchantReport(
  actor: Actor,
  merchantId: string,
  input: ReportRangeRaw = {},
): Promise<MerchantReport> {
  await requireMembership(actor, merchantId, "merchant:view");
  const scope = await resolveScope(merchantId, parseReportRange(input));
  const [visits, codes, purchases, orders, novaReceived, costs] = await Promise.all([
    listVisits(scope),
    listCodes(scope),
    listMatchedPurchases(scope),
    sumCompletedOrders(scope),
    sumNovaReceived(scope),
    listRewardCosts(scope),
  ]);
  const drivers = await countDriversReached(scope, new Set([...visits, ...codes, ...purchases].map((r) => r.driverId)));
  const kept = purchases.filter((p) => !p.reversed);
  const salesCents = kept.reduce((sum, p) => sum + p.saleCents, 0);
  const costCents = costs.reduce((sum, c) => sum + c.costCents, 0);
  const feeCents = costs.reduce((sum, c) => sum + c.feeCents, 0);

  const days = new Map(
    eachDay(scope.from, scope.to).map((day) => [
      day,
      { day, visits: 0, purchases: 0, salesCents: 0, costCents: 0 } as ReportDay,
    ]),
  );
  const add = (at: Date, change: Partial<Omit<ReportDay, "day">>) => {
    const d = days.get(dayIn(at, scope.timeZone));
    if (!d) return;
    for (const [key, n] of Object.entries(change) as [keyof typeof change, number][]) d[key] += n;
  };
  for (const v of visits) add(v.startedAt, { visits: 1 });
  for (const p of kept) add(p.orderedAt, { purchases: 1, salesCents: p.saleCents });
  for (const c of costs) add(c.at, { costCents: c.costCents });

  const count = (state: string) => codes.filter((c) => c.state === state).length;
  return {
    merchant: { id: merchantId, name: scope.merchantName, chargerName: scope.chargerName },
    range: { from: scope.from, to: scope.to, days: days.size, timeZone: scope.timeZone },
    locations: scope.locations,
    location: scope.location,
    squareConnected: scope.squareConnected,
    visits: visits.length,
    drivers,
    codes: {
      issued: codes.length,
      confirmed: count("redeemed"),
      expired: count("expired"),
      cancelled: count("cancelled"),
      live: count("live"),
    },
    novaReceived,
    purchases: {
      matched: kept.length,
      reversed: purchases.length - kept.length,
      salesCents,
      avgTicketCents: average(salesCents, kept.length),
      allOrders: orders.count,
      allSalesCents: orders.salesCents,
      allAvgTicketCents: average(orders.salesCents, orders.count),
    },
    cost: { totalCents: costCents, rewardCents: costCents - feeCents, feeCents },
    returnOnSpend: returnOnSpend(salesCents, costCents),
    returnOnSpendWords: returnOnSpendWords(salesCents, costCents),
    daily: [...days.values()],
  };
}
