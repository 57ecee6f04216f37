import "server-only";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { setSandboxCharging } from "@/lib/integrations/smartcar";
import { enqueueInTx, jobsReady } from "@/lib/jobs";
import { runMoneyTx } from "@/lib/ledger";
import { refreshTelemetry } from "@/lib/vehicles";
import { unsafeEvaluateSession, type Outcome } from "./evaluate-session";

/**
 * The driver stops charging: read the car one last time, end the session (its reward is
 * posted as pending) and ask the job queue to confirm it once the car's final report is in.
 * The end, the job and the audit row commit together: no crash can leave a session waiting
 * for the stale-session sweeper.
 */
export async function checkOut(actor: Actor, sessionId: string, meta: RequestMeta): Promise<Outcome> {
  assertCan(actor, "driver:use");
  const driverId = actor.userId;
  const session = await db().chargingSession.findFirst({
    where: { id: sessionId, driverId, status: "ACTIVE" },
    select: { id: true, vehicle: { select: { id: true, provider: true, providerVehicleId: true } } },
  });
  if (!session) throw notFound("That active session");
  if (session.vehicle) await refreshTelemetry(actor, session.vehicle.id, { force: true }).catch(() => undefined);
  await jobsReady();
  const outcome = await runMoneyTx(async (tx) => {
    const outcome = await unsafeEvaluateSession(session.id, { end: true, confirmLater: true }, tx);
    if (outcome.status === "PENDING_WITNESS")
      await enqueueInTx(tx, "verify-session", { sessionId: session.id }, { startAfterSeconds: 5 });
    await recordAudit(
      {
        action: "charging.checked_out",
        actorId: actor.userId,
        targetType: "charging_session",
        targetId: session.id,
        metadata: { status: outcome.status },
        ...meta,
      },
      tx,
    );
    return outcome;
  });
  if (session.vehicle?.provider === "SANDBOX")
    await setSandboxCharging(session.vehicle.providerVehicleId, { charging: false }).catch(() => undefined);
  return outcome;
}
