import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { unsafeTellDrivers, type Told } from "./audience";

const NONE: Told = { told: 0, emailed: 0, failed: 0 };

const clock = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);

/** What the event asks and pays, in a sentence. */
export function eventPitch(
  e: { kind: "CHARGE" | "PAUSE"; startsAt: Date; endsAt: Date; novaPerKwh: number | null; fixedNova: number | null },
  timeZone: string,
) {
  const end = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(e.endsAt);
  const when = `${clock(e.startsAt, timeZone)}–${end}`;
  const pay = e.fixedNova ? `${e.fixedNova.toLocaleString("en-US")} Nova` : `${e.novaPerKwh} Nova per kWh`;
  return e.kind === "CHARGE"
    ? `Charge ${when} and earn ${pay}. Opt in before it starts; your car's data shows what you charged.`
    : `Pause charging ${when} (charge before or after) and earn ${pay}. Opt in before it starts; your car's data shows the pause.`;
}

/** Tells every active driver about an energy event they can still opt in to (nothing once it has started). */
export async function unsafeAnnounceEnergyEvent(eventId: string, now = new Date()): Promise<Told> {
  const event = await db().energyEvent.findUnique({ where: { id: eventId } });
  if (!event || event.status !== "SCHEDULED" || event.startsAt <= now) return NONE;
  return unsafeTellDrivers(
    {
      kind: "energy_event",
      subjectId: event.id,
      title: `Energy event: ${event.name}`,
      body: eventPitch(event, config().BUSINESS_TIME_ZONE),
      link: `/app#event-${event.id}`,
    },
    {},
  );
}
