import "server-only";
import type { Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { listDriverEvents } from "./queries";
import { bonusWords, clockTime, windowWords } from "./words";

/** The driver's event cards, their times on the business clock and their terms in words. */
export async function driverEventCards(actor: Actor | null, now = new Date()) {
  const zone = config().BUSINESS_TIME_ZONE;
  const events = await listDriverEvents(actor, now);
  return events.map((e) => ({
    id: e.id,
    name: e.name,
    description: e.description,
    kind: e.kind,
    phase: e.phase,
    when: windowWords(e, zone),
    opensAt: clockTime(e.startsAt, zone),
    pitch: bonusWords(e),
    entry: e.entry ? { status: e.entry.status, nova: e.entry.nova, reason: e.entry.reason } : null,
    hasCar: e.hasCar,
  }));
}
