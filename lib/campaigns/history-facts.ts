import "server-only";
import { db } from "@/lib/db";
import type { DriverFacts, TriggerEvent } from "./evaluate";

/**
 * What driverFactsInTx would have read for each past trigger: when the driver signed up, and (only
 * a lapsed-driver segment asks) their latest verified charge started before the trigger, not the
 * trigger's own session.
 */
export async function loadDriverFacts(
  events: readonly TriggerEvent[],
  needsLastCharge: boolean,
): Promise<(event: TriggerEvent) => DriverFacts> {
  const driverIds = [...new Set(events.map((e) => e.driverId))];
  const signedUp = new Map<string, Date>();
  const charges = new Map<string, { id: string; startedAt: Date }[]>();
  for (let i = 0; i < driverIds.length; i += 1_000) {
    const ids = driverIds.slice(i, i + 1_000);
    const users = await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, createdAt: true } });
    for (const u of users) signedUp.set(u.id, u.createdAt);
    if (!needsLastCharge) continue;
    const sessions = await db().chargingSession.findMany({
      where: { driverId: { in: ids }, status: "VERIFIED" },
      orderBy: { startedAt: "desc" },
      select: { id: true, driverId: true, startedAt: true },
    });
    for (const s of sessions) {
      const list = charges.get(s.driverId) ?? [];
      list.push(s); // newest first
      charges.set(s.driverId, list);
    }
  }
  return (event) => {
    const last = (charges.get(event.driverId) ?? []).find((s) => s.id !== event.id && s.startedAt < event.occurredAt);
    return { signedUpAt: signedUp.get(event.driverId) ?? event.occurredAt, lastChargeAt: last?.startedAt ?? null };
  };
}
