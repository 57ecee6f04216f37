import type { Db } from "@/lib/db/client";
// the wall-clock helper only (no server-only import), so the seed script can read it outside Next
// eslint-disable-next-line no-restricted-imports
import { localDate, localToInstant } from "@/lib/energy-events/local-time";

export const DEMO_EVENT_NAME = "Night charge for the grid";
const ZONE = process.env.BUSINESS_TIME_ZONE ?? "America/Chicago";
const LEAD_MS = 3 * 3600_000;

/** The next 01:00–05:00 window (business time zone) that opens at least 3 hours from now. */
export function nextNightWindow(now = new Date()) {
  for (let days = 0; ; days++) {
    const date = localDate(new Date(now.getTime() + days * 86_400_000), ZONE);
    const startsAt = localToInstant(date, "01:00", ZONE);
    if (startsAt.getTime() - now.getTime() >= LEAD_MS) return { startsAt, endsAt: localToInstant(date, "05:00", ZONE) };
  }
}

/**
 * Idempotent: one upcoming "charge in the window" event by the demo admin (10 Nova per kWh, a
 * budget), and the in-app notice of it for every demo driver. Left as it is once it exists.
 */
export async function seedEnergyEvent(db: Db, adminId: string, driverIds: string[]): Promise<void> {
  let event = await db.energyEvent.findFirst({ where: { name: DEMO_EVENT_NAME, createdById: adminId } });
  if (!event) {
    event = await db.energyEvent.create({
      data: {
        name: DEMO_EVENT_NAME,
        description: "Austin Energy asks EVs to charge overnight, when the wind blows and demand is low.",
        kind: "CHARGE",
        ...nextNightWindow(),
        novaPerKwh: 10,
        minKwh: 1,
        budgetNova: 100_000,
        createdById: adminId,
      },
    });
    await db.announcement.create({ data: { kind: "energy_event", subjectId: event.id, doneAt: new Date() } });
  }
  await db.notification.createMany({
    data: driverIds.map((userId) => ({
      userId,
      kind: "energy_event",
      subjectId: event.id,
      title: `Energy event: ${DEMO_EVENT_NAME}`,
      body: "Charge 01:00–05:00 and earn 10 Nova per kWh. Opt in before it starts; your car's data shows what you charged.",
      link: `/app#event-${event.id}`,
    })),
    skipDuplicates: true,
  });
}
