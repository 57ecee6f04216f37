import "server-only";
import type { Tx } from "@/lib/db";
import { awardCampaignsInTx, type CampaignOutcome } from "./award";

/**
 * A verified session's reward has just become available: its session_verified campaigns, and,
 * when no earlier session of the driver verified, its first_charge campaigns (whose trigger id is
 * the driver, so a first charge is paid once per driver whichever session it is).
 */
export async function awardSessionCampaignsInTx(
  tx: Tx,
  sessionId: string,
  baseNova: number,
): Promise<CampaignOutcome[]> {
  const s = await tx.chargingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      driverId: true,
      chargerId: true,
      startedAt: true,
      kwhDelivered: true,
      charger: { select: { latitude: true, longitude: true, isPartner: true } },
    },
  });
  if (!s) return [];
  const base = {
    driverId: s.driverId,
    occurredAt: s.startedAt,
    place: { chargerId: s.chargerId, ...s.charger },
    kwh: s.kwhDelivered,
    baseNova,
  };
  const outcomes = await awardCampaignsInTx(tx, { ...base, trigger: "session_verified", id: s.id });
  const earlier = await tx.chargingSession.findFirst({
    where: {
      driverId: s.driverId,
      status: "VERIFIED",
      id: { not: s.id },
      OR: [{ startedAt: { lt: s.startedAt } }, { startedAt: s.startedAt, id: { lt: s.id } }],
    },
    select: { id: true },
  });
  if (!earlier) outcomes.push(...(await awardCampaignsInTx(tx, { ...base, trigger: "first_charge", id: s.driverId })));
  return outcomes;
}
