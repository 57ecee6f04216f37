import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ChargeState, Telemetry } from "@/lib/integrations/smartcar";
import { invalidEvent, type WebhookReceiver } from "@/lib/webhooks";
import { unsafeStoreTelemetry } from "./telemetry";

const hmac = (secret: string, value: string) => createHmac("sha256", secret).update(value).digest("hex");

export function verifySmartcarSignature(secret: string, rawBody: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(hmac(secret, rawBody));
  const given = Buffer.from(signature.trim().toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

// Smartcar's webhook envelope (version 4): `eventId` is stable across redeliveries.
const signalSchema = z.object({
  code: z.string(),
  body: z.record(z.string(), z.unknown()).optional(),
  status: z.object({ value: z.string().optional() }).optional(),
  meta: z.object({ oemUpdatedAt: z.number().optional(), retrievedAt: z.number().optional() }).optional(),
});
const envelopeSchema = z.object({
  eventId: z.string().min(1).max(200),
  eventType: z.string().min(1).max(100),
  vehicleId: z.string().min(1).optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  meta: z.object({ deliveredAt: z.union([z.number(), z.string()]).optional() }).optional(),
});
const verifyData = z.object({ challenge: z.string() });
const stateData = z.object({
  vehicle: z.object({ id: z.string().min(1) }).optional(),
  signals: z.array(signalSchema).default([]),
});

type Signal = z.infer<typeof signalSchema>;
export type SmartcarEvent = {
  id: string;
  type: string;
  challenge?: string;
  vehicleId?: string;
  signals?: Signal[];
  deliveredAt?: Date;
};

function parseSmartcarEvent(body: unknown): SmartcarEvent {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) throw invalidEvent("Unrecognised Smartcar event.");
  const { eventId: id, eventType: type, data, meta } = envelope.data;
  if (type === "VERIFY") {
    const verify = verifyData.safeParse(data);
    if (!verify.success) throw invalidEvent("The verification event has no challenge.");
    return { id, type, challenge: verify.data.challenge };
  }
  if (type !== "VEHICLE_STATE") return { id, type };
  const state = stateData.safeParse(data);
  const vehicleId = envelope.data.vehicleId ?? (state.success ? state.data.vehicle?.id : undefined);
  if (!state.success || !vehicleId) throw invalidEvent("The vehicle event has no vehicle or signals.");
  const delivered = meta?.deliveredAt === undefined ? undefined : new Date(meta.deliveredAt);
  return {
    id,
    type,
    vehicleId,
    signals: state.data.signals,
    deliveredAt: delivered && Number.isFinite(delivered.getTime()) ? delivered : undefined,
  };
}

/** A car's reading becomes a telemetry snapshot in the transaction that stores the event. */
async function storeVehicleState(event: SmartcarEvent, tx: Tx) {
  const vehicle = await tx.vehicle.findUnique({
    where: { provider_providerVehicleId: { provider: "SMARTCAR", providerVehicleId: event.vehicleId! } },
    select: { id: true },
  });
  // a car we no longer hold (disconnected): acknowledged, nothing to store
  if (!vehicle) return { stored: 0 };
  await unsafeStoreTelemetry(
    vehicle.id,
    toTelemetry(event.signals ?? [], event.deliveredAt ?? new Date()),
    "webhook",
    tx,
  );
  return { stored: 1 };
}

/**
 * Signed Smartcar deliveries (`SC-Signature`, HMAC of the raw body with the management token):
 * VERIFY is answered with the challenge's HMAC; VEHICLE_STATE becomes a telemetry snapshot.
 */
export function smartcarWebhook(): WebhookReceiver<SmartcarEvent> {
  const secret = config().SMARTCAR_WEBHOOK_SECRET;
  if (!secret) throw new AppError("not_configured", "Smartcar webhooks are not configured.");
  return {
    provider: "SMARTCAR",
    verifySignature: (raw, headers) => verifySmartcarSignature(secret, raw, headers.get("sc-signature")),
    parseEvent: parseSmartcarEvent,
    answerAtOnce: { VERIFY: (event) => ({ challenge: hmac(secret, event.challenge ?? "") }) },
    handlers: { VEHICLE_STATE: storeVehicleState },
  };
}

const CHARGE_STATES = new Set<ChargeState>(["CHARGING", "FULLY_CHARGED", "NOT_CHARGING"]);
const finite = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function toTelemetry(signals: Signal[], fallbackTime: Date): Telemetry {
  // an ERROR signal (car not capable, asleep) carries no body and says nothing
  const read = signals.filter((s) => s.body && (s.status?.value ?? "SUCCESS") === "SUCCESS");
  const body = (code: string) => read.find((s) => s.code === code)?.body ?? {};
  const percent = finite(body("tractionbattery-stateofcharge").value);
  const range = body("tractionbattery-range");
  const rangeValue = finite(range.value);
  const plugged = body("charge-ischargingcableconnected").value;
  const charging = body("charge-ischarging").value;
  const detailed = body("charge-detailedchargingstatus").value;
  const location = body("location-preciselocation");
  const energy = finite(body("charge-energyadded").value);
  // the reading is no fresher than its stalest signal
  const times = read
    .map((s) => finite(s.meta?.oemUpdatedAt ?? s.meta?.retrievedAt))
    .filter((t): t is number => t !== null);
  return {
    batteryPercent: percent === null ? null : Math.round(percent * 10) / 10,
    rangeKm: rangeValue === null ? null : /mile/i.test(String(range.unit ?? "")) ? rangeValue * 1.609344 : rangeValue,
    pluggedIn: typeof plugged === "boolean" ? plugged : null,
    chargeState: CHARGE_STATES.has(detailed as ChargeState)
      ? (detailed as ChargeState)
      : charging === true
        ? "CHARGING"
        : charging === false
          ? "NOT_CHARGING"
          : "UNKNOWN",
    latitude: finite(location.latitude),
    longitude: finite(location.longitude),
    energyAddedKwh: energy !== null && energy >= 0 ? energy : null,
    capturedAt: times.length > 0 ? new Date(Math.min(...times)) : fallbackTime,
  };
}
