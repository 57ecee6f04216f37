import type { Metadata } from "next";
import Link from "next/link";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { activeSessionFor, listDriverSessions } from "@/lib/charging";
import { pingIntervalSeconds, previewActiveSession } from "@/lib/charging/live-verification";
import { listChargers } from "@/lib/discovery";
import { logger } from "@/lib/observability";
import { listDriverVehicles, refreshTelemetry } from "@/lib/vehicles";
import { Notice } from "@/components/auth/notice";
import { ActiveSessionPanel } from "@/components/charging/active-session-panel";
import { ChargerCheckInCard } from "@/components/charging/charger-check-in-card";
import { SessionOutcome } from "@/components/charging/session-outcome";
import { EmptyState } from "@/components/ui/empty-state";
import { PlugIcon } from "@/components/ui/icons";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { carName } from "@/components/vehicles/vehicle-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Charge" };

// The last session's result stays on this page for a while after it ends.
const OUTCOME_SHOWN_MS = 30 * 60_000;
const JUST_ENDED_MS = 60_000;

export default async function ChargePage() {
  const session = await requirePagePermission("driver:use", "/app/charge");
  const actor = actorOf(session);
  const [active, vehicles] = await Promise.all([activeSessionFor(actor), listDriverVehicles(actor)]);

  if (active) {
    const car = vehicles.find((v) => v.id === active.vehicleId);
    // The car's cached reading is from before check-in (a parked car is cached for 15 minutes):
    // ask it once now, so the screen can show it charging here instead of waiting on the poll.
    if (car && (!car.latest || car.latest.capturedAt < active.startedAt)) {
      await refreshTelemetry(actor, car.id, { force: true }).catch((err) =>
        logger.warn({ err, vehicleId: car.id }, "check-in telemetry read failed"),
      );
    }
    const live = await previewActiveSession(actor, active.id);
    return (
      <>
        <PageHeader
          title="Charging"
          description="Keep this page open: your phone and your car confirm the session together."
        />
        <ActiveSessionPanel
          session={active}
          live={live}
          carName={car ? carName(car) : null}
          pingEverySeconds={pingIntervalSeconds()}
          serverNow={Date.now()}
        />
      </>
    );
  }

  const [chargers, [latest]] = await Promise.all([listChargers(), listDriverSessions(actor, 1)]);
  const endedAgoMs = latest?.endedAt ? Date.now() - latest.endedAt.getTime() : Infinity;
  const recent = endedAgoMs < OUTCOME_SHOWN_MS ? latest : null;
  const car = vehicles[0];

  return (
    <>
      <PageHeader
        title="Charge"
        description="Check in when you plug in. Your car and phone confirm the session and you earn Nova."
      />
      {recent ? <SessionOutcome session={recent} justEnded={endedAgoMs < JUST_ENDED_MS} /> : null}

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
    </>
  );
}
