import { readFileSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import { createDb } from "../../lib/db/client";
import { DEMO } from "./helpers";
import { E2E_FAKES } from "./fakes-config";

// A driver who opted in to an energy event whose window closed two minutes ago, with their car's readings
// from inside it (12.34 kWh): what an admin's "Settle now" then pays. The settle-energy-events job leaves
// an event alone for 15 minutes after its window (SETTLE_GRACE_MS), so only the admin settles this one;
// an event that ended hours ago was settled by the job first in one CI run, and "Settle now…" never
// came. A new driver, car and event each call (a retry must not find the last one settled), written
// straight to the e2e database as the car's provider would have.

const HOUR = 3600_000;

export async function seedEndedEvent(project: string) {
  const db = createDb(readFileSync(E2E_FAKES.databaseUrlFile, "utf8").trim(), 1);
  try {
    const run = `${project}-${Date.now().toString(36)}`;
    const email = `grid.${run}@events.test`;
    const name = `Evening charge (${run})`;
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    const driver = await db.user.create({
      data: {
        email,
        name: `Grid ${project}`,
        role: "DRIVER",
        passwordHash: await hash(DEMO.password),
        emailVerified: new Date(),
      },
    });
    const startsAt = new Date(Date.now() - 4 * HOUR - 2 * 60_000);
    const event = await db.energyEvent.create({
      data: {
        name,
        kind: "CHARGE",
        startsAt,
        endsAt: new Date(startsAt.getTime() + 4 * HOUR),
        novaPerKwh: 10,
        createdById: admin.id,
      },
    });
    await db.energyEventParticipation.create({
      data: { eventId: event.id, driverId: driver.id, optedInAt: new Date(startsAt.getTime() - HOUR) },
    });
    const car = await db.vehicle.create({
      data: {
        userId: driver.id,
        provider: "SANDBOX",
        providerVehicleId: `events-${run}`,
        make: "Kia",
        model: "EV6",
      },
    });
    await db.telemetrySnapshot.createMany({
      data: [
        [30, 0, "CHARGING"],
        [90, 6, "CHARGING"],
        [150, 12.34, "FULLY_CHARGED"],
      ].map(([minutes, kwh, state]) => ({
        vehicleId: car.id,
        capturedAt: new Date(startsAt.getTime() + (minutes as number) * 60_000),
        energyAddedKwh: kwh as number,
        chargeState: state as "CHARGING" | "FULLY_CHARGED",
        source: "webhook",
      })),
    });
    return { email, name, eventId: event.id };
  } finally {
    await db.$disconnect();
  }
}
