import { createEnergyEvent, setEventParticipation, type EnergyEventInput } from "@/lib/energy-events";
import { asAdmin, asDriver, createUser, fakeMeta, testDb, uid } from "./factories";

// Energy events made as an admin would, on a past day (the clock is injected), so each test can
// settle its event at once; and a driver's car with the readings it reported.

/** A CHARGE event 01:00–05:00 (America/Chicago) on `date`, created the evening before. */
export async function pastEvent(date: string, over: Partial<EnergyEventInput> = {}) {
  const admin = await createUser({ role: "ADMIN" });
  const input = {
    name: `Night charge ${uid()}`,
    kind: "CHARGE",
    date,
    startTime: "01:00",
    endTime: "05:00",
    bonus: "per_kwh",
    amount: 10,
    ...over,
  };
  const createdAt = new Date(`${date}T00:00:00-06:00`);
  const event = await createEnergyEvent(
    asAdmin(admin.id),
    input,
    fakeMeta(),
    new Date(createdAt.getTime() - 6 * 3600_000),
  );
  return { event, admin: asAdmin(admin.id) };
}

/** A driver opted in to the event an hour before it starts. */
export async function optedInDriver(event: { id: string; startsAt: Date }) {
  const driver = await createUser();
  await setEventParticipation(asDriver(driver.id), event.id, true, new Date(event.startsAt.getTime() - 3600_000));
  return driver;
}

/** A connected-looking car for the driver (no provider calls are made by settlement). */
export async function carOf(driverId: string) {
  return testDb.vehicle.create({
    data: { userId: driverId, provider: "SANDBOX", providerVehicleId: `v-${uid()}`, make: "Test", model: "EV" },
  });
}

type Report = [at: string, kwh: number | null, state?: "CHARGING" | "NOT_CHARGING" | "FULLY_CHARGED"];

/** Readings as the provider reported them: [ISO time, energy counter, charge state]. */
export async function reported(vehicleId: string, reports: Report[]) {
  await testDb.telemetrySnapshot.createMany({
    data: reports.map(([at, kwh, state = "CHARGING"]) => ({
      vehicleId,
      capturedAt: new Date(at),
      energyAddedKwh: kwh,
      chargeState: state,
      source: "poll",
    })),
  });
}
