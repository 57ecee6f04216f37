import { PlugIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { activeSessionFor, pingIntervalSeconds, readDriverCharging } from "@/lib/charging";

import { listChargers } from "@/lib/discovery";
import { logger } from "@/lib/observability";
import { listDriverVehicles, refreshTelemetry } from "@/lib/vehicles";
import { ChargeScreen } from "@/components/charging/charge-screen";
import { ChargerCheckInCard } from "@/components/charging/charger-check-in-card";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { HydrateQueries } from "@/components/driver/queries/hydrate-queries";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { SectionHeader } from "@/components/ui/page-header";
import { carName } from "@/components/vehicles/vehicle-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Charge" };

export default async function ChargePage() {
  const session = await requirePagePermission("driver:use", "/app/charge");
  const actor = actorOf(session);
  const [active, vehicles] = await Promise.all([activeSessionFor(actor), listDriverVehicles(actor)]);
  const sessionCar = active ? vehicles.find((v) => v.id === active.vehicleId) : undefined;
  // The car's cached reading is from before check-in (a parked car is cached for 15 minutes):
  // ask it once now, so the screen can show it charging here instead of waiting on the poll.
  if (active && sessionCar && (!sessionCar.latest || sessionCar.latest.capturedAt < active.startedAt)) {
    await refreshTelemetry(actor, sessionCar.id, { force: true }).catch((err) =>
      logger.warn({ err, vehicleId: sessionCar.id }, "check-in telemetry read failed"),
    );
  }
  // The live part (session, verdict, last result) is the charging query, polled by the screen.
  const [charging, chargers] = await Promise.all([readDriverCharging(actor), listChargers()]);
  const car = vehicles[0];

  return (
    <HydrateQueries entries={[[driverQueryKeys.charging, charging]]}>
      <ChargeScreen carName={sessionCar ? carName(sessionCar) : null} pingEverySeconds={pingIntervalSeconds()}>
        <section aria-labelledby="chargers-heading">
          <SectionHeader id="chargers-heading" title="Where are you charging?" />
          {car ? (
            <p className="mb-4 text-sm text-slate-600">
              Your {carName(car)} will confirm the charge, and this phone will share its location while you charge.
            </p>
          ) : (
            <Notice tone="info" className="mb-4">
              No car connected: only your phone can confirm the session, which may not be enough.{" "}
              <Link href="/app/car" className="font-medium underline underline-offset-4">
                Connect your car
              </Link>
            </Notice>
          )}
          {chargers.length > 0 ? (
            <ul className="space-y-3">
              {chargers.map((charger) => (
                <ChargerCheckInCard key={charger.id} charger={charger} />
              ))}
            </ul>
          ) : (
            <EmptyState
              level={3}
              icon={<PlugIcon className="size-6" />}
              title="No chargers yet"
              description="Chargers you can check in at appear here."
            />
          )}
        </section>
      </ChargeScreen>
    </HydrateQueries>
  );
}
