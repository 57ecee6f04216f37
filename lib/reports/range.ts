import { z } from "zod";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { issueSentence, parseForPerson } from "@/lib/validation";
import { addDays, dayIn, daysCounted, isCalendarDay } from "./days";

export const MAX_REPORT_DAYS = 366;
export const DEFAULT_REPORT_DAYS = 30;

// A GET form sends empty fields as "": read them as not given.
const blank = (v: unknown) => (v === "" ? undefined : v);

// Years the calendar arithmetic and the database handle: 9999-12-31 + 30 days is no date at all.
const inSaneYears = (d: string) => d >= "2000-01-01" && d <= "2099-12-31";

const day = (which: "start" | "end") =>
  z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Write the ${which} date like 2026-05-01.`, abort: true })
      .refine(isCalendarDay, { message: `The ${which} date is not on the calendar.`, abort: true })
      .refine(inSaneYears, `Choose ${which === "start" ? "a start" : "an end"} date between 2000 and 2099.`)
      .optional(),
  );

/** Today in the business time zone, the day reports count by. */
export const reportToday = () => dayIn(new Date(), config().BUSINESS_TIME_ZONE);

/**
 * A report's range: calendar days in the business time zone, both included. Without dates, the
 * last 30 days up to today; with only one, the 30 days starting or ending there.
 */
export const reportRangeInput = z
  .object({
    from: day("start"),
    to: day("end"),
    locationId: z.preprocess(blank, z.string().trim().min(1).max(64).optional()),
  })
  .transform(({ from, to, locationId }) => {
    const today = reportToday();
    const end = to ?? (from ? addDays(from, DEFAULT_REPORT_DAYS - 1) : today);
    return { from: from ?? addDays(end, -(DEFAULT_REPORT_DAYS - 1)), to: end, locationId };
  })
  .superRefine((range, ctx) => {
    if (range.from > range.to)
      ctx.addIssue({ code: "custom", path: ["from"], message: "The start date must be on or before the end date." });
    else if (daysCounted(range.from, range.to) > MAX_REPORT_DAYS)
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `A report covers at most ${MAX_REPORT_DAYS} days. Choose a shorter range.`,
      });
  });

export type ReportRange = z.output<typeof reportRangeInput>;
export type ReportRangeRaw = z.input<typeof reportRangeInput>;

/** The range, or a 422 that says in a sentence what is wrong with it. */
export function parseReportRange(input: ReportRangeRaw): ReportRange {
  const parsed = parseForPerson(reportRangeInput, input);
  if (parsed.success) return parsed.data;
  throw new AppError("invalid_input", reportRangeProblem(parsed.error));
}

/** Each problem with a range once, in a sentence each. */
export function reportRangeProblem(error: z.ZodError): string {
  return [...new Set(error.issues.map(issueSentence))].join(" ");
}
