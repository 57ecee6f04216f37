import { z } from "zod";
import { localToInstant } from "./local-time";

// An energy event as an admin types it (date and wall-clock times in the business time zone).

const clock = z
  .string({ error: "Use a time such as 01:00 or 17:30." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time such as 01:00 or 17:30.");
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).optional(),
  );

export const energyEventInput = z
  .object({
    name: z
      .string({ error: "Give the event a name of 3 to 60 characters." })
      .trim()
      .min(3, "Give the event a name of 3 to 60 characters.")
      .max(60, "Give the event a name of 3 to 60 characters."),
    description: z
      .string({ error: "Describe the event in words." })
      .trim()
      .max(300, "Keep the description under 300 characters.")
      .optional()
      .default(""),
    kind: z.enum(["CHARGE", "PAUSE"], { message: "Choose charge or pause." }),
    date: z
      .string({ error: "Choose the day the window starts." })
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day the window starts.")
      .refine(isCalendarDay, "Choose a real day of this century, such as 2027-02-14."),
    startTime: clock,
    endTime: clock,
    bonus: z.enum(["per_kwh", "fixed"], { message: "Choose a bonus per kWh or a fixed bonus." }),
    amount: z.coerce
      .number({ error: "Enter the bonus in whole Nova, 1 to 10,000." })
      .int("Enter whole Nova.")
      .min(1, "Enter 1 to 10,000 Nova.")
      .max(10_000, "Enter 1 to 10,000 Nova."),
    minKwh: z.preprocess(
      (v) => (v === "" || v === null ? undefined : v),
      z.coerce
        .number({ error: "Enter the minimum energy in kWh, such as 1.5." })
        .min(0.1, "Enter at least 0.1 kWh.")
        .max(200, "Enter at most 200 kWh.")
        .default(1),
    ),
    budgetNova: optionalInt(1, 10_000_000, "Enter a budget of 1 to 10,000,000 Nova, or leave it empty."),
  })
  .refine((e) => e.kind === "CHARGE" || e.bonus === "fixed", {
    message: "A pause earns a fixed bonus: there are no kWh to pay for.",
    path: ["bonus"],
  });
/** 2027-02-31 would roll into March and 9999-12-31's next day does not parse: only real days, 2000–2099. */
function isCalendarDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day && day >= "2000-01-01" && day < "2100-01-01"
  );
}

export type EnergyEventInput = z.input<typeof energyEventInput>;
export type EnergyEventFields = z.infer<typeof energyEventInput>;

const EVENT_NOT_FOUND = "That event was not found. Reload the page and try again.";
/** The event a button acts on (a hidden field). */
export const eventIdInput = z.string({ error: EVENT_NOT_FOUND }).min(1, EVENT_NOT_FOUND).max(64, EVENT_NOT_FOUND);

export const MIN_WINDOW_MINUTES = 15;
export const MAX_WINDOW_HOURS = 12;

/** The window's instants: an end at or before the start means the next day (22:00–02:00). */
export function eventWindow(e: Pick<EnergyEventFields, "date" | "startTime" | "endTime">, timeZone: string) {
  const startsAt = localToInstant(e.date, e.startTime, timeZone);
  let endsAt = localToInstant(e.date, e.endTime, timeZone);
  if (endsAt <= startsAt) {
    const next = new Date(Date.parse(`${e.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    endsAt = localToInstant(next, e.endTime, timeZone);
  }
  return { startsAt, endsAt };
}
