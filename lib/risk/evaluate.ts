import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/observability";
import type { Finding } from "./finding";
import { raiseFlags } from "./raise-flags";
import type { RuleKey } from "./rules";
import { loadRuleSettings } from "./settings";
import { carSwitch } from "./signals/cars";
import { claimsRate, earnThenCashOut, redemptionBurst, sessionBurst } from "./signals/activity";
import type { Detector, SignalContext } from "./signals/context";
import { disposableEmail, emailAlias, sharedIp, sharedPhone } from "./signals/identity";
import { gpsAccuracy, gpsTeleport } from "./signals/location";

const DETECTORS: Record<RuleKey, Detector> = {
  shared_phone: sharedPhone,
  shared_ip: sharedIp,
  email_alias: emailAlias,
  disposable_email: disposableEmail,
  session_burst: sessionBurst,
  redemption_burst: redemptionBurst,
  gps_teleport: gpsTeleport,
  gps_accuracy: gpsAccuracy,
  claims_rate: claimsRate,
  earn_then_cash_out: earnThenCashOut,
  car_switch: carSwitch,
};

/** Runs every enabled rule over one driver's data; returns what they found (nothing is written). */
export async function findRiskSignals(
  driverId: string,
  opts: { now?: Date; cashOut?: { at: Date; cents: number } } = {},
) {
  const driver = await db().user.findUnique({
    where: { id: driverId },
    select: { id: true, email: true, phone: true, createdAt: true },
  });
  if (!driver) return [];
  const ctx: SignalContext = { driver, now: opts.now ?? new Date(), cashOut: opts.cashOut };
  const settings = (await loadRuleSettings()).filter((s) => s.enabled);
  const found = await Promise.all(settings.map((s) => DETECTORS[s.key](ctx, s.thresholds)));
  return found.filter((f): f is Finding => f !== null);
}

/**
 * Evaluates a driver and opens flags for new findings. Unscoped: for the sweep job and for a
 * cash-out being requested (which runs it first, so its own money transaction sees the flag).
 */
export async function unsafeEvaluateDriverRisk(
  driverId: string,
  opts: { now?: Date; cashOut?: { at: Date; cents: number } } = {},
) {
  const findings = await findRiskSignals(driverId, opts);
  return raiseFlags(driverId, findings);
}

/** The same, never throwing: a failing rule must not stop the driver's request; it is logged. */
export async function evaluateDriverRiskQuietly(
  driverId: string,
  opts: { cashOut?: { at: Date; cents: number } } = {},
) {
  try {
    return await unsafeEvaluateDriverRisk(driverId, opts);
  } catch (err) {
    logger.error({ err, driverId }, "risk evaluation failed");
    return [];
  }
}
