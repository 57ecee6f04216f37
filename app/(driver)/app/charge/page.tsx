import type { Metadata } from "next";
import Link from "next/link";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { activeSessionFor, pingIntervalSeconds, readDriverCharging } from "@/lib/charging";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability";
import { listDriverVehicles, refreshTelemetry } from "@/lib/vehicles";
import { param, type SearchParams } from "@/components/auth/search-params";
import { ChargeScreen } from "@/components/charging/charge-screen";
import { Discovery } from "@/components/discovery/discovery";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { HydrateQueries } from "@/components/driver/queries/hydrate-queries";
import { Notice } from "@/components/ui/notice";
import { carName } from "@/components/vehicles/vehicle-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Charge" };

export default async function ChargePage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePagePermission("driver:use", "/app/charge");
  const actor = actorOf(session);
  const view = param((await searchParams).view) === "list" ? "list" : "map";
  const [active, vehicles] = await Promise.all([activeSessionFor(actor), listDriverVehicles(actor)]);
  const sessionCar = active ? vehicles.find((v) => v.id === active.vehicleId) : undefined;
  // The car's cached reading is from before check-in (a parked car is cached for 15 minutes):
  // ask it once now, so the screen can show it charging here instead of waiting on the poll.
  if (active && sessionCar && (!sessionCar.latest || sessionCar.latest.capturedAt < active.startedAt)) {
    await refreshTelemetry(actor, sessionCar.id, { force: true }).catch((err) =>
      logger.warn({ err, vehicleId: sessionCar.id }, "check-in telemetry read failed"),
    );
  }
  // The live part (session, verdict, last result) is the charging query, polled by the screen. The
  // chargers are not read here: the map asks for the box it shows once it has loaded (after first
  // paint), and the list for its own, so the page's HTML carries no answer the map would replace.
  const charging = await readDriverCharging(actor);
  const car = vehicles[0];
  const { MAP_TILE_URL, MAP_TILE_ATTRIBUTION } = config();

  return (
    <HydrateQueries entries={[[driverQueryKeys.charging, charging]]}>
      <ChargeScreen carName={sessionCar ? carName(sessionCar) : null} pingEverySeconds={pingIntervalSeconds()}>
        <Discovery
          initialView={view}
          tileUrl={MAP_TILE_URL}
          tileAttribution={MAP_TILE_ATTRIBUTION}
          intro={
            car ? (
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
            )
          }
        />
      </ChargeScreen>
    </HydrateQueries>
  );
}
