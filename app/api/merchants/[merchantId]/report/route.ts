import { csvResponse, route } from "@/lib/http";
import { getMerchantReport, reportCsv, reportCsvFilename, reportRangeInput } from "@/lib/reports";

export const dynamic = "force-dynamic";

/** A merchant's report as CSV (one row per day, then the totals), for its members only (others: 404). */
export const GET = route(
  { name: "/api/merchants/[merchantId]/report", permission: "merchant:view", query: reportRangeInput },
  async ({ actor, params, query }) => {
    const report = await getMerchantReport(actor, params.merchantId, query);
    return csvResponse(reportCsv(report), reportCsvFilename(report));
  },
);
