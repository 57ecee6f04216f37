// the pure wall-clock helper itself (no server-only import), so the demo seed can use this file too
// eslint-disable-next-line no-restricted-imports
import { wallClock } from "@/lib/campaigns/local-time";

// The instant a zone's wall clock shows a given date and time (an admin types "01:00" meaning the
// business time zone's 01:00). In a DST gap the later side is taken; in an overlap, the first.

const MINUTE = 60_000;

export function localToInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wanted;
  // two corrections settle on the zone's offset, also across a DST change
  for (let i = 0; i < 3; i++) {
    const seen = wallClock(new Date(guess), timeZone);
    const [sy, sm, sd] = seen.date.split("-").map(Number);
    const shown = Date.UTC(sy, sm - 1, sd) + seen.minutes * MINUTE;
    if (shown === wanted) break;
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** The zone's calendar date ("2026-12-02") at an instant. */
export const localDate = (at: Date, timeZone: string) => wallClock(at, timeZone).date;

/** Tomorrow's date on the zone's calendar: the admin form's default day. */
export const tomorrowDate = (timeZone: string, now = new Date()) =>
  localDate(new Date(now.getTime() + 86_400_000), timeZone);
