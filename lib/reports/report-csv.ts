import "server-only";
import { csvText } from "@/lib/csv";
import type { MerchantReport } from "./get-merchant-report";

const HEADER = [
  "date",
  "merchant",
  "location",
  "charging_visits",
  "matched_purchases",
  "program_sales_usd",
  "reward_and_fee_cost_usd",
];

const dollars = (cents: number) => Math.round(cents) / 100;

/** The report's daily series as CSV (one row per day, then a totals row); text cells neutralised. */
export function reportCsv(report: MerchantReport): string {
  const where = report.location?.name ?? "All locations";
  const rows = report.daily.map((d) => [
    d.day,
    report.merchant.name,
    where,
    d.visits,
    d.purchases,
    dollars(d.salesCents),
    dollars(d.costCents),
  ]);
  const totals = [
    "total",
    report.merchant.name,
    where,
    report.visits,
    report.purchases.matched,
    dollars(report.purchases.salesCents),
    dollars(report.cost.totalCents),
  ];
  return csvText([HEADER, ...rows, totals]);
}

export const reportCsvFilename = (report: MerchantReport) =>
  `nerava-report-${report.range.from}-to-${report.range.to}.csv`;
