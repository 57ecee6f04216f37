// Calendar days (YYYY-MM-DD) in a time zone, and the instants they start at.

const DAY_MS = 86_400_000;

const parts = (at: Date, timeZone: string) => {
  const out: Record<string, number> = {};
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  for (const p of format.formatToParts(at)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
};

/** How far the zone's clock is ahead of UTC at this instant, in ms. */
function offsetMs(at: Date, timeZone: string): number {
  const p = parts(at, timeZone);
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

const utcOf = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
};

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The calendar day of an instant in the zone. */
export function dayIn(at: Date, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && isoDay(utcOf(day)) === day;
}

export const addDays = (day: string, n: number): string => isoDay(utcOf(day) + n * DAY_MS);

/** How many days from `from` to `to`, both counted. */
export const daysCounted = (from: string, to: string): number => Math.round((utcOf(to) - utcOf(from)) / DAY_MS) + 1;

/** Every day from `from` to `to`, both included. */
export const eachDay = (from: string, to: string): string[] =>
  Array.from({ length: Math.max(0, daysCounted(from, to)) }, (_, i) => addDays(from, i));

/** The instant the day's midnight happens in the zone (daylight-saving changes included). */
export function dayStart(day: string, timeZone: string): Date {
  const guess = utcOf(day);
  const first = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(first), timeZone);
  return new Date(second);
}
