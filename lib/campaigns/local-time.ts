// The wall clock of a time zone at an instant, and whether it falls in a campaign's days and hours.
// Read through Intl (the zone database), so DST days are what a driver's clock showed: on the
// spring-forward night 02:00–02:59 never happens; on the fall-back night 01:00–01:59 happens twice.

export type WallClock = { date: string; weekday: number; minutes: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (timeZone: string) => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
};
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function wallClock(at: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS.indexOf(parts.weekday),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export type Window = { days?: number[]; hours?: { start: string; end: string } };

/**
 * Whether the instant falls in the window on the zone's wall clock. Hours are [start, end); a
 * window that wraps midnight (23:00–05:00) belongs to the day it starts, so "Fridays 23:00–05:00"
 * includes Saturday 01:00 and not Friday 01:00.
 */
export function inWindow(at: Date, timeZone: string, w: Window): boolean {
  const { weekday, minutes } = wallClock(at, timeZone);
  let day = weekday;
  if (w.hours) {
    const [start, end] = [toMinutes(w.hours.start), toMinutes(w.hours.end)];
    if (start < end) {
      if (minutes < start || minutes >= end) return false;
    } else if (minutes >= start) {
      // evening part of a window that wraps: today's window
    } else if (minutes < end) {
      day = (weekday + 6) % 7; // the small hours belong to yesterday's window
    } else return false;
  }
  return !w.days || w.days.includes(day);
}

/** The zone's calendar day of an instant, for per-day limits ("2026-11-30"). */
export const localDay = (at: Date, timeZone: string) => wallClock(at, timeZone).date;
