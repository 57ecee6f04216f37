import { readFileSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import { createDb } from "../../lib/db/client";
import { DEMO } from "./helpers";
import { E2E_FAKES } from "./fakes-config";

// A driver who opted in to an energy event that ended a few hours ago, with their car's readings
// from inside its window (12.34 kWh): what an admin's "Settle now" then pays. One per Playwright
// project (phone, desktop), written straight to the e2e database as the car's provider would have.

const HOUR = 3600_000;

export async function seedEndedEvent(project: string) {
  const db = createDb(readFileSync(E2E_FAKES.databaseUrlFile, "utf8").trim(), 1);
  try {
    const email = `grid.${project}@events.test`;
    const name = `Last night's charge (${project})`;
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.admin } });
    const driver = await db.user.upsert({
      where: { email },
      update: {},
      create: {
        email,
        name: `Grid ${project}`,
        role: "DRIVER",
        passwordHash: await hash(DEMO.password),
        emailVerified: new Date(),
      },
    });
    const existing = await db.energyEvent.findFirst({ where: { name } });
    if (existing) return { email, name, eventId: existing.id };
    const startsAt = new Date(Date.now() - 10 * HOUR);
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
        providerVehicleId: `events-${project}`,
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
