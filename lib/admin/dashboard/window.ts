import { config } from "@/lib/config";
import { addDays, dayStart } from "@/lib/reports";
import type { DashboardRange } from "./range";

/** The range as the queries need it: calendar days and the instants [start, end) they cover. */
export type DashboardWindow = { from: string; to: string; timeZone: string; start: Date; end: Date };

export function dashboardWindow(range: DashboardRange): DashboardWindow {
  const timeZone = config().BUSINESS_TIME_ZONE;
  return {
    from: range.from,
    to: range.to,
    timeZone,
    start: dayStart(range.from, timeZone),
    end: dayStart(addDays(range.to, 1), timeZone),
  };
}
