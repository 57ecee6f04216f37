import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseForPerson } from "@/lib/validation";
import { addDays, daysCounted, reportRangeInput, reportRangeProblem, reportToday } from "@/lib/reports";

/** The ranges offered as one click, in days up to today. */
export const DASHBOARD_PRESETS = [7, 30, 90] as const;
export const DEFAULT_DASHBOARD_DAYS = 30;

const blank = (v: unknown) => (v === "" ? undefined : v);

const dashboardSearch = z.object({
  days: z.preprocess(
    blank,
    z
      .enum(DASHBOARD_PRESETS.map(String) as ["7", "30", "90"], {
        message: "Choose 7, 30 or 90 days, or a start and an end date.",
      })
      .optional(),
  ),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
});

export type DashboardRange = { from: string; to: string; days: number; preset: number | null };

/**
 * The dashboard's range from the page's search params: a custom from/to (validated like a merchant
 * report's), else the last 7, 30 or 90 days up to today in the business time zone (30 by default).
 */
export function parseDashboardRange(search: Record<string, unknown>): DashboardRange {
  const parsed = parseForPerson(dashboardSearch, search);
  if (!parsed.success) throw new AppError("invalid_input", reportRangeProblem(parsed.error));
  const { days, from, to } = parsed.data;
  if (blank(from) !== undefined || blank(to) !== undefined) {
    const custom = parseForPerson(reportRangeInput, { from, to });
    if (!custom.success) throw new AppError("invalid_input", reportRangeProblem(custom.error));
    const { from: f, to: t } = custom.data;
    return { from: f, to: t, days: daysCounted(f, t), preset: null };
  }
  const n = days ? Number(days) : DEFAULT_DASHBOARD_DAYS;
  const today = reportToday();
  return { from: addDays(today, -(n - 1)), to: today, days: n, preset: n };
}
