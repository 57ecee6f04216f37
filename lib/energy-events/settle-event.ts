import "server-only";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/observability";
import { unsafeSettleParticipation, type SettleOutcome } from "./settle";
import { clockTime } from "./words";

/** The job waits this long after a window closes, for the cars' late reports to arrive. */
export const SETTLE_GRACE_MS = 15 * 60_000;
/** Held drivers are settled again while their event is this recent. */
const RESETTLE_DAYS = 14;

const TERMS = {
  id: true,
  name: true,
  kind: true,
  startsAt: true,
  endsAt: true,
  novaPerKwh: true,
  fixedNova: true,
  minKwh: true,
};

/** Settles every open (or held) participation of an event; each decides for itself, so running twice pays once. */
export async function unsafeSettleEvent(eventId: string) {
  const event = await db().energyEvent.findUnique({ where: { id: eventId }, select: TERMS });
  if (!event) return {};
  const open = await db().energyEventParticipation.findMany({
    where: { eventId, status: { in: ["OPTED_IN", "HELD"] } },
    select: { id: true, driverId: true },
    orderBy: { id: "asc" },
  });
  const counts: Partial<Record<SettleOutcome | "failed", number>> = {};
  for (const p of open) {
    try {
      const outcome = await unsafeSettleParticipation({ ...p, event });
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    } catch (err) {
      // one driver's failure does not hold up the others; the next run settles what is left
      logger.error({ err, participationId: p.id }, "energy event settlement failed for a participation");
      counts.failed = (counts.failed ?? 0) + 1;
    }
  }
  return counts;
}

/** The admin's "settle now": only once the window has closed (skipping the job's grace), audited. */
export async function settleEnergyEvent(actor: Actor, eventId: string, meta: RequestMeta, now = new Date()) {
  assertCan(actor, "admin:campaigns");
  const event = await db().energyEvent.findUnique({ where: { id: eventId }, select: { endsAt: true, status: true } });
  if (!event) throw notFound("That event");
  if (event.status === "CANCELLED")
    throw new AppError("event_state", "This event was cancelled: there is nothing to settle.");
  if (event.endsAt > now)
    throw new AppError(
      "event_state",
      `This event's window closes at ${clockTime(event.endsAt, config().BUSINESS_TIME_ZONE)}: settle it after that.`,
    );
  const counts = await unsafeSettleEvent(eventId);
  await recordAudit({
    action: "energy_event.settled",
    actorId: actor.userId,
    targetType: "energy_event",
    targetId: eventId,
    metadata: counts,
    ...meta,
  });
  return counts;
}

/** The job: events whose window closed (plus the grace) with participations still open or held. */
export async function unsafeSettleDueEvents(now = new Date()) {
  const due = await db().energyEvent.findMany({
    where: {
      status: "SCHEDULED",
      endsAt: {
        lte: new Date(now.getTime() - SETTLE_GRACE_MS),
        gt: new Date(now.getTime() - RESETTLE_DAYS * 86_400_000),
      },
      participations: { some: { status: { in: ["OPTED_IN", "HELD"] } } },
    },
    select: { id: true },
    take: 50,
  });
  for (const { id } of due) await unsafeSettleEvent(id);
  return { events: due.length };
}
