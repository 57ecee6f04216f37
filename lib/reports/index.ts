export { getMerchantReport, type MerchantReport, type ReportDay } from "./get-merchant-report";
export {
  reportRangeInput,
  parseReportRange,
  reportRangeProblem,
  reportToday,
  MAX_REPORT_DAYS,
  DEFAULT_REPORT_DAYS,
  type ReportRange,
  type ReportRangeRaw,
} from "./range";
export { reportCsv, reportCsvFilename } from "./report-csv";
export { returnOnSpend, returnOnSpendWords, formatReturn } from "./words";
export { addDays, dayIn, dayStart, daysCounted } from "./days";
export { listReportLocations } from "./locations";
