"use client";

import { MapPinIcon, ZapIcon } from "lucide-react";
import type { ActiveSessionView } from "@/lib/charging";
import { Card } from "@/components/ui/card";
import { ElapsedTime } from "./elapsed-time";
import { LocationSharing } from "./location-sharing";
import { StopChargingButton } from "./stop-charging-button";
import { WitnessList } from "./witness-list";

type ActiveSessionPanelProps = {
  session: ActiveSessionView;
  carName: string | null;
  pingEverySeconds: number;
  serverNow: number;
};

/** One line on where verification stands; the witness list below says why. */
function headline(live: ActiveSessionView["verification"], fallback: string | null): string {
  if (!live) return fallback ?? "Waiting for your car and phone to confirm.";
  if (live.car.ok && live.phone.ok)
    return "Your car and phone have both confirmed. Stop charging whenever you’re ready.";
  if (live.car.ok) return "Your car confirmed charging here; waiting for your phone.";
  if (live.phone.ok) return "Your phone confirmed you’re here; waiting for your car.";
  return "Waiting for your car and phone to confirm.";
}

/** The session in progress: where, for how long, what each witness has confirmed, and Stop. */
export function ActiveSessionPanel({ session, carName, pingEverySeconds, serverNow }: ActiveSessionPanelProps) {
  const live = session.verification;
  const status = headline(live, session.verificationReason);
  return (
    <section aria-labelledby="session-heading" className="space-y-4">
      <div className="rounded-2xl bg-linear-to-br from-brand-600 to-brand-800 p-5 text-white shadow-sm">
        <p className="flex items-center gap-1.5 text-sm font-medium text-brand-100">
          <ZapIcon className="size-4" />
          Charging at
        </p>
        <h2 id="session-heading" className="mt-1 text-xl font-semibold">
          {session.charger.name}
        </h2>
        <p className="mt-0.5 flex items-start gap-1 text-sm text-brand-100">
          <MapPinIcon className="mt-0.5 size-4 shrink-0" />
          {session.charger.address}
        </p>
        <p className="mt-5 text-xs tracking-wide text-brand-200 uppercase">Charging for</p>
        <p className="text-4xl font-semibold">
          <ElapsedTime since={session.startedAt} serverNow={serverNow} />
        </p>
        {carName ? <p className="mt-1 text-sm text-brand-100">With your {carName}</p> : null}
      </div>

      <Card className="space-y-4">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Verification</h3>
          <p data-testid="verification-status" className="mt-1 text-sm text-slate-700">
            {status}
          </p>
        </div>
        {live ? (
          <WitnessList
            car={
              carName
                ? live.car
                : { ok: false, reason: "No car connected: connect yours on the Car tab so it can confirm the charge." }
            }
            phone={live.phone}
          />
        ) : null}
        <LocationSharing sessionId={session.id} sharedSoFar={session.pings} everySeconds={pingEverySeconds} />
      </Card>

      <StopChargingButton sessionId={session.id} chargerName={session.charger.name} />
    </section>
  );
}
