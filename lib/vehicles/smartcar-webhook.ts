import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Telemetry } from "@/lib/integrations/smartcar";
import { unsafeStoreTelemetry } from "./telemetry";

const hmac = (secret: string, value: string) => createHmac("sha256", secret).update(value).digest("hex");

export function verifySmartcarSignature(secret: string, rawBody: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(hmac(secret, rawBody));
  const given = Buffer.from(signature.trim().toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const dataItem = z.object({
  path: z.string(),
  code: z.number().optional(),
  body: z.record(z.string(), z.unknown()).optional(),
});
const eventSchema = z.object({
  webhookId: z.string().optional(),
  eventName: z.enum(["verify", "schedule", "eventBased"]),
  payload: z.object({
    challenge: z.string().optional(),
    timestamp: z.string().optional(),
    vehicles: z.array(z.object({ vehicleId: z.string(), data: z.array(dataItem) })).optional(),
  }),
});

/**
 * One signed delivery: a verify challenge is answered; vehicle data becomes telemetry snapshots.
 * The event is stored under its body's hash first, so a replay changes nothing.
 */
export async function handleSmartcarWebhook(
  secret: string,
  rawBody: string,
): Promise<{ challenge?: string; duplicate?: boolean; stored?: number }> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw new AppError("invalid_event", "The event body is not JSON.");
  }
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success) throw new AppError("invalid_event", "Unrecognised Smartcar event.");
  const event = parsed.data;
  if (event.eventName === "verify") return { challenge: hmac(secret, event.payload.challenge ?? "") };
  const eventId = createHash("sha256").update(rawBody).digest("hex");
  const inserted = await db().webhookEvent.createMany({
    data: [{ provider: "SMARTCAR", eventId, type: event.eventName, payload: body as object }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { duplicate: true };
  const capturedAt = event.payload.timestamp ? new Date(event.payload.timestamp) : new Date();
  let stored = 0;
  for (const v of event.payload.vehicles ?? []) {
    const vehicle = await db().vehicle.findUnique({
      where: { provider_providerVehicleId: { provider: "SMARTCAR", providerVehicleId: v.vehicleId } },
      select: { id: true },
    });
    if (!vehicle) continue;
    await unsafeStoreTelemetry(vehicle.id, toTelemetry(v.data, capturedAt), "webhook");
    stored++;
  }
  await db().webhookEvent.update({
    where: { provider_eventId: { provider: "SMARTCAR", eventId } },
    data: { processedAt: new Date() },
  });
  return { stored };
}

function toTelemetry(items: z.infer<typeof dataItem>[], capturedAt: Date): Telemetry {
  const body = (path: string) => items.find((i) => i.path === path && (i.code ?? 200) === 200)?.body ?? {};
  const battery = body("/battery") as { percentRemaining?: number; range?: number };
  const charge = body("/charge") as { isPluggedIn?: boolean; state?: string };
  const location = body("/location") as { latitude?: number; longitude?: number };
  const state = ["CHARGING", "FULLY_CHARGED", "NOT_CHARGING"].includes(charge.state ?? "")
    ? (charge.state as Telemetry["chargeState"])
    : "UNKNOWN";
  return {
    batteryPercent:
      typeof battery.percentRemaining === "number" ? Math.round(battery.percentRemaining * 1000) / 10 : null,
    rangeKm: battery.range ?? null,
    pluggedIn: charge.isPluggedIn ?? null,
    chargeState: state,
    latitude: location.latitude ?? null,
    longitude: location.longitude ?? null,
    capturedAt,
  };
}
