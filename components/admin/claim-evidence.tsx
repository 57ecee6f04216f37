import { CarIcon, MapPinIcon } from "lucide-react";
import type { ReactNode } from "react";
import { distanceMeters, formatDistance, withinRadius } from "@/lib/geo";
import { chargeStateLabel } from "@/components/vehicles/charge-state";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th } from "@/components/ui/table";

type Charger = { latitude: number; longitude: number; radiusMeters: number };
type CarReading = {
  capturedAt: Date;
  chargeState: string;
  pluggedIn: boolean | null;
  batteryPercent: number | null;
  latitude: number | null;
  longitude: number | null;
};
type PhonePing = { recordedAt: Date; latitude: number; longitude: number; accuracyMeters: number };

const time = new Intl.DateTimeFormat("en-US", {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

function When({ at }: { at: Date }) {
  return (
    <time dateTime={at.toISOString()} className="tabular-nums">
      {time.format(at)}
    </time>
  );
}

/** Distance from the charger, marked when inside its radius (by the same rule the verifier uses). */
function Distance({ meters, inside }: { meters: number; inside: boolean }) {
  return (
    <span className="inline-flex items-center gap-2 tabular-nums">
      {formatDistance(meters)}
      {inside ? <Badge tone="brand">Inside</Badge> : <Badge tone="warning">Outside</Badge>}
    </span>
  );
}

function Column({
  title,
  icon,
  summary,
  children,
}: {
  title: string;
  icon: ReactNode;
  summary: string;
  children: ReactNode;
}) {
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="flex items-center gap-2 font-semibold text-slate-900">
        <span className="text-slate-500" aria-hidden="true">
          {icon}
        </span>
        {title}
      </h3>
      <p className="mb-3 text-sm text-slate-600">{summary}</p>
      {children}
    </section>
  );
}

function None({ children }: { children: string }) {
  return (
    <p className="rounded-2xl border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">
      {children}
    </p>
  );
}

/** The car's readings and the phone's pings side by side, each with its distance from the charger. Times in UTC. */
export function ClaimEvidence({
  charger,
  telemetry,
  pings,
  maxAccuracyMeters,
}: {
  charger: Charger;
  telemetry: CarReading[];
  pings: PhonePing[];
  /** Pings less precise than this are ignored by the verifier. */ maxAccuracyMeters: number;
}) {
  const charging = telemetry.filter((t) => t.chargeState === "CHARGING" || t.chargeState === "FULLY_CHARGED").length;
  const closestPing = pings.length > 0 ? Math.min(...pings.map((p) => distanceMeters(p, charger))) : null;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Column
        title="Car"
        icon={<CarIcon className="size-5" />}
        summary={
          telemetry.length === 0
            ? "No readings during the session."
            : `${telemetry.length} ${telemetry.length === 1 ? "reading" : "readings"}, ${charging} while charging.`
        }
      >
        {telemetry.length === 0 ? (
          <None>The car sent nothing between check-in and check-out.</None>
        ) : (
          <Table caption="Car readings">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Charging</Th>
                <Th className="text-right">Battery</Th>
                <Th>From charger</Th>
              </tr>
            </thead>
            <TBody>
              {telemetry.map((t, i) => (
                <tr key={i}>
                  <Td>
                    <When at={t.capturedAt} />
                  </Td>
                  <Td>{chargeStateLabel(t.chargeState, t.pluggedIn)}</Td>
                  <Td className="text-right tabular-nums">
                    {t.batteryPercent === null ? "—" : `${t.batteryPercent.toFixed(1)}%`}
                  </Td>
                  <Td>
                    {t.latitude !== null && t.longitude !== null ? (
                      <Distance
                        meters={distanceMeters({ latitude: t.latitude, longitude: t.longitude }, charger)}
                        inside={withinRadius(
                          { latitude: t.latitude, longitude: t.longitude },
                          charger,
                          charger.radiusMeters,
                        )}
                      />
                    ) : (
                      <span className="text-slate-500">No location</span>
                    )}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Column>

      <Column
        title="Phone"
        icon={<MapPinIcon className="size-5" />}
        summary={
          closestPing === null
            ? "No location shared during the session."
            : `${pings.length} ${pings.length === 1 ? "ping" : "pings"}, closest ${formatDistance(closestPing)}.`
        }
      >
        {pings.length === 0 ? (
          <None>The phone shared no location between check-in and check-out.</None>
        ) : (
          <Table caption="Phone pings">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>From charger</Th>
                <Th className="text-right">Accuracy</Th>
              </tr>
            </thead>
            <TBody>
              {pings.map((p, i) => (
                <tr key={i}>
                  <Td>
                    <When at={p.recordedAt} />
                  </Td>
                  <Td>
                    <Distance
                      meters={distanceMeters(p, charger)}
                      inside={withinRadius(p, charger, charger.radiusMeters, p.accuracyMeters)}
                    />
                  </Td>
                  <Td className="text-right tabular-nums">
                    ±{Math.round(p.accuracyMeters)} m
                    {p.accuracyMeters > maxAccuracyMeters ? (
                      <span className="block text-xs text-amber-700">Too imprecise: ignored</span>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </Column>
    </div>
  );
}
