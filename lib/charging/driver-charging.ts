import "server-only";
import type { Actor } from "@/lib/access";
import { previewActiveSession } from "./live-verification";
import { activeSessionFor, listDriverSessions } from "./sessions";

/** How long the last session's result stays on the charge screen after it ends. */
export const OUTCOME_SHOWN_MS = 30 * 60_000;

type WitnessView = { ok: boolean; reason: string };

/** The session in progress, as the live charge screen shows it (times as ISO strings). */
export type ActiveSessionView = {
  id: string;
  startedAt: string;
  vehicleId: string | null;
  verificationReason: string | null;
  charger: { name: string; address: string };
  /** Location readings the server has for it so far. */
  pings: number;
  /** The live verdict by check-out's rules (read-only); null if the session ended meanwhile. */
  verification: { status: string; car: WitnessView; phone: WitnessView } | null;
};

/** The last session, while its result is still news. */
export type RecentSessionView = {
  id: string;
  status: string;
  verificationReason: string | null;
  endedAt: string;
  charger: { name: string };
};

export type DriverChargingView = {
  /** The server's clock, so a phone with a wrong clock still counts time right. */
  now: number;
  active: ActiveSessionView | null;
  recent: RecentSessionView | null;
};

/** The driver's own charging right now: the active session, else the one that ended lately. */
export async function readDriverCharging(actor: Actor): Promise<DriverChargingView> {
  const active = await activeSessionFor(actor);
  if (active) {
    const live = await previewActiveSession(actor, active.id);
    return {
      now: Date.now(),
      active: {
        id: active.id,
        startedAt: active.startedAt.toISOString(),
        vehicleId: active.vehicleId,
        verificationReason: active.verificationReason,
        charger: { name: active.charger.name, address: active.charger.address },
        pings: active._count.pings,
        verification: live
          ? {
              status: live.status,
              car: { ok: live.car.ok, reason: live.car.reason },
              phone: { ok: live.phone.ok, reason: live.phone.reason },
            }
          : null,
      },
      recent: null,
    };
  }
  const [latest] = await listDriverSessions(actor, 1);
  const now = Date.now();
  const recent =
    latest?.endedAt && now - latest.endedAt.getTime() < OUTCOME_SHOWN_MS
      ? {
          id: latest.id,
          status: latest.status,
          verificationReason: latest.verificationReason,
          endedAt: latest.endedAt.toISOString(),
          charger: { name: latest.charger.name },
        }
      : null;
  return { now, active: null, recent };
}
