import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

const DAY = 86_400_000;
const SHOWN = {
  id: true,
  name: true,
  description: true,
  kind: true,
  startsAt: true,
  endsAt: true,
  novaPerKwh: true,
  fixedNova: true,
  minKwh: true,
} as const;

export type EventPhase = "upcoming" | "live" | "ended";
export const eventPhase = (e: { startsAt: Date; endsAt: Date }, now: Date): EventPhase =>
  now < e.startsAt ? "upcoming" : now < e.endsAt ? "live" : "ended";

/**
 * Events for the driver's home: upcoming and live ones to everyone, and ended ones from the last
 * week that the driver took part in (with their result). The driver's own entry only.
 */
export async function listDriverEvents(actor: Actor | null, now = new Date()) {
  if (actor) assertCan(actor, "driver:use");
  const events = await db().energyEvent.findMany({
    where: { status: "SCHEDULED", endsAt: { gt: new Date(now.getTime() - 7 * DAY) } },
    orderBy: { startsAt: "asc" },
    take: 20,
    select: {
      ...SHOWN,
      participations: actor
        ? { where: { driverId: actor.userId }, select: { status: true, nova: true, kwhInWindow: true, reason: true } }
        : false,
    },
  });
  const hasCar = actor
    ? (await db().vehicle.count({ where: { userId: actor.userId, connectionId: { not: null } } })) > 0
    : false;
  return events
    .map(({ participations, ...e }) => ({
      ...e,
      phase: eventPhase(e, now),
      entry: participations?.[0] ?? null,
      hasCar,
    }))
    .filter((e) => e.phase !== "ended" || (e.entry && e.entry.status !== "OPTED_OUT"));
}

/** Admin: every event, newest window first, with its counts. */
export async function listEnergyEvents(actor: Actor, now = new Date()) {
  assertCan(actor, "admin:campaigns");
  const [events, counts] = await Promise.all([
    db().energyEvent.findMany({
      orderBy: { startsAt: "desc" },
      take: 100,
      select: { ...SHOWN, status: true, budgetNova: true, spentNova: true },
    }),
    db().energyEventParticipation.groupBy({ by: ["eventId", "status"], _count: { _all: true } }),
  ]);
  return events.map((e) => {
    const mine = counts.filter((c) => c.eventId === e.id);
    const count = (...statuses: string[]) =>
      mine.filter((c) => statuses.includes(c.status)).reduce((n, c) => n + c._count._all, 0);
    return {
      ...e,
      phase: eventPhase(e, now),
      optedIn: count("OPTED_IN", "EARNED", "NOT_EARNED", "NOT_VERIFIED", "HELD"),
      open: count("OPTED_IN", "HELD"),
      earned: count("EARNED"),
    };
  });
}

/** Admin: one event with every participation and its result. */
export async function getEnergyEvent(actor: Actor, eventId: string, now = new Date()) {
  assertCan(actor, "admin:campaigns");
  const event = await db().energyEvent.findUnique({
    where: { id: eventId },
    select: {
      ...SHOWN,
      status: true,
      budgetNova: true,
      spentNova: true,
      createdAt: true,
      participations: {
        orderBy: { optedInAt: "asc" },
        select: {
          id: true,
          status: true,
          optedInAt: true,
          kwhInWindow: true,
          nova: true,
          reason: true,
          settledAt: true,
          transactionId: true,
          driver: { select: { id: true, name: true, email: true } },
        },
      },
    },
  });
  if (!event) throw notFound("That event");
  return { ...event, phase: eventPhase(event, now) };
}
