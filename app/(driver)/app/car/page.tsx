import { CarIcon, ListIcon, ZapIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listChargers } from "@/lib/discovery";
import { listDriverVehicles, refreshTelemetry, vehicleProviderKind } from "@/lib/vehicles";
import { logger } from "@/lib/observability";
import { param, type SearchParams } from "@/components/auth/search-params";
import { Notice } from "@/components/ui/notice";
import { ButtonLink, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ConnectNotice } from "@/components/vehicles/connect-notice";
import { describePlace } from "@/components/vehicles/describe-place";
import { VehicleCard } from "@/components/vehicles/vehicle-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Car" };

// A route handler that redirects to the car maker: a plain link, so the browser follows it.
const CONNECT_HREF = "/api/smartcar/connect";

export default async function CarPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePagePermission("driver:use", "/app/car");
  const actor = actorOf(session);
  const query = await searchParams;
  const provider = vehicleProviderKind(); // null: charging is switched off here
  const sandbox = provider === "SANDBOX";
  let vehicles = await listDriverVehicles(actor);
  // a car connected a moment ago has no reading yet: ask it once so the page has something to show
  if (vehicles.some((v) => !v.latest)) {
    await Promise.all(
      vehicles
        .filter((v) => !v.latest)
        .map((v) =>
          refreshTelemetry(actor, v.id).catch((err) =>
            logger.warn({ err, vehicleId: v.id }, "first telemetry read failed"),
          ),
        ),
    );
    vehicles = await listDriverVehicles(actor);
  }
  const chargers = vehicles.length > 0 ? await listChargers() : [];
  const now = new Date();

  return (
    <>
      <PageHeader
        title="Your car"
        description="Nerava reads your car’s battery, charging state and location, with your permission, to confirm your charging sessions."
      />
      <ConnectNotice connected={param(query.connected) === "1"} error={param(query.error)} />
      {sandbox ? (
        <Notice tone="warning" className="mb-6">
          <span className="font-medium">Sandbox:</span> a simulated car stands in for a real car maker. It charges about
          1% a minute while you’re checked in at a charger.
        </Notice>
      ) : null}

      {vehicles.length === 0 && provider === null ? (
        <EmptyState
          icon={<CarIcon className="size-6" />}
          title="Car connections are off"
          description="Connecting a car is not available right now. Please check back later."
        />
      ) : vehicles.length === 0 ? (
        <EmptyState
          icon={<CarIcon className="size-6" />}
          title="Connect your car"
          description="Your car confirms that it charged at the charger, so your sessions verify without receipts. You can disconnect at any time."
          action={
            <a href={CONNECT_HREF} className={buttonVariants({ size: "lg" })}>
              <CarIcon className="size-5" />
              Connect your car
            </a>
          }
        />
      ) : (
        <>
          <ul className="space-y-4">
            {vehicles.map((v) => (
              <VehicleCard
                key={v.id}
                vehicle={v}
                now={now}
                place={
                  v.latest?.latitude != null && v.latest.longitude != null
                    ? describePlace({ latitude: v.latest.latitude, longitude: v.latest.longitude }, chargers)
                    : null
                }
              />
            ))}
          </ul>
          <nav aria-label="Charging" className="mt-6 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
            <ButtonLink href="/app/charge">
              <ZapIcon className="size-4" />
              Start charging
            </ButtonLink>
            <ButtonLink href="/app/sessions" variant="secondary">
              <ListIcon className="size-4" />
              My sessions
            </ButtonLink>
            {provider ? (
              <a
                href={CONNECT_HREF}
                className={buttonVariants({ variant: "ghost", className: "col-span-2 sm:col-span-1" })}
              >
                Connect another car
              </a>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
