import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { createId } from "@/lib/ledger";
import { clockTime } from "./words";

/**
 * Opts the driver in to an event, or back out, only before its window opens: the database decides
 * (the statement's own condition on the event's start), so a click racing the start either lands
 * before it or is refused. Repeating either choice changes nothing.
 */
export async function setEventParticipation(actor: Actor, eventId: string, join: boolean, now = new Date()) {
  assertCan(actor, "driver:use");
  const changed = join
    ? await db().$executeRaw`
        INSERT INTO "EnergyEventParticipation" ("id", "eventId", "driverId", "status", "optedInAt", "updatedAt")
        SELECT ${createId()}, e."id", ${actor.userId}, 'OPTED_IN', ${now}, ${now} FROM "EnergyEvent" e
        WHERE e."id" = ${eventId} AND e."status" = 'SCHEDULED' AND e."startsAt" > ${now}
        ON CONFLICT ("eventId", "driverId") DO UPDATE
          SET "status" = 'OPTED_IN', "optedInAt" = EXCLUDED."optedInAt", "updatedAt" = EXCLUDED."updatedAt"
          WHERE "EnergyEventParticipation"."status" = 'OPTED_OUT'`
    : await db().$executeRaw`
        UPDATE "EnergyEventParticipation" p SET "status" = 'OPTED_OUT', "updatedAt" = ${now}
        FROM "EnergyEvent" e
        WHERE p."eventId" = e."id" AND e."id" = ${eventId} AND p."driverId" = ${actor.userId}
          AND p."status" = 'OPTED_IN' AND e."status" = 'SCHEDULED' AND e."startsAt" > ${now}`;
  if (changed === 1) return { eventId, optedIn: join };
  return explainUnchanged(actor.userId, eventId, join, now);
}

async function explainUnchanged(driverId: string, eventId: string, join: boolean, now: Date) {
  const event = await db().energyEvent.findUnique({
    where: { id: eventId },
    select: { status: true, startsAt: true, participations: { where: { driverId }, select: { status: true } } },
  });
  if (!event) throw notFound("That event");
  if (event.status === "CANCELLED") throw new AppError("event_closed", "This event was cancelled.");
  const status = event.participations[0]?.status;
  if (event.startsAt <= now) {
    const at = clockTime(event.startsAt, config().BUSINESS_TIME_ZONE);
    throw new AppError(
      "event_closed",
      join
        ? `This event started at ${at}: opting in closed then.`
        : `This event started at ${at}: you are taking part, and your car's data decides the result.`,
    );
  }
  // already in the state asked for: nothing to do, and that is fine
  if (join ? status === "OPTED_IN" : status !== "OPTED_IN") return { eventId, optedIn: join };
  throw new AppError("event_state", "This event changed in the meantime. Reload the page and try again.");
}
