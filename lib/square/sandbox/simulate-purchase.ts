import "server-only";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { requireMembership, type Actor } from "@/lib/access";
import { config, type Env } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { withSquareClient } from "../connection/with-square-client";
import { toE164 } from "../webhooks/order-facts";
import { unsafeSellerToken } from "./seller-token";

const MAX_CENTS = 100_000;
const TIMEOUT_MS = 15_000;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The app talks to the Square sandbox twin: it only ever runs on this machine (`npm run dev`, the
 * e2e server), so a loopback SQUARE_API_BASE is the twin, and Square (or its own sandbox) never is.
 */
export function squareTwinInUse(env: Env = config()): boolean {
  return LOOPBACK.has(new URL(env.SQUARE_API_BASE).hostname);
}

export type SimulatedPurchase = { orderId: string; totalCents: number; locationName: string };

async function sellAtTwin(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(new URL("/_sandbox/orders", config().SQUARE_API_BASE), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch(() => null);
  const answer = res ? ((await res.json().catch(() => null)) as { order?: { id?: unknown } } | null) : null;
  const id = answer?.order?.id;
  if (!res?.ok || typeof id !== "string")
    throw new AppError("provider_unavailable", "The Square sandbox did not take the sale. Try again in a moment.");
  return id;
}

/**
 * Sandbox only: rings up a completed sale at the merchant's first active Square location, as its
 * POS would; the twin then delivers the signed order webhooks to the app, which ingests it like a
 * real one. For an owner or staff of the merchant.
 */
export async function simulateSquarePurchase(
  actor: Actor,
  merchantId: string,
  input: { totalCents: number; phone?: string },
  meta?: RequestMeta,
): Promise<SimulatedPurchase> {
  // owners only: a matched sale pays a real reward out of the merchant's prepaid cash
  await requireMembership(actor, merchantId, "merchant:operate", "OWNER");
  if (!squareTwinInUse())
    throw new AppError("not_configured", "Simulated purchases work only with the Square sandbox, never with Square.");
  const { totalCents } = input;
  if (!Number.isSafeInteger(totalCents) || totalCents < 1 || totalCents > MAX_CENTS)
    throw new AppError("invalid_input", "Enter an amount from $0.01 to $1,000.00.");
  const phone = input.phone ? toE164(input.phone) : undefined;
  if (phone === null) throw new AppError("invalid_input", "Enter a phone number like +1 512 555 0142.");
  const location = await db().merchantLocation.findFirst({
    where: { merchantId, active: true },
    orderBy: { createdAt: "asc" },
    select: { squareLocationId: true, name: true },
  });
  if (!location) throw new AppError("square_not_connected", "This business has no active Square location.");
  // withSquareClient: connected (and, once it refreshes, a fresh token) before the stored token is read
  const orderId = await withSquareClient(merchantId, async () =>
    sellAtTwin(await unsafeSellerToken(merchantId), {
      location_id: location.squareLocationId,
      total_cents: totalCents,
      ...(phone && { customer_phone: phone }),
    }),
  );
  await recordAudit({
    action: "square.simulate_purchase",
    actorId: actor.userId,
    targetType: "merchant",
    targetId: merchantId,
    metadata: { orderId, totalCents, phone: Boolean(phone) },
    ip: meta?.ip,
    requestId: meta?.requestId,
  });
  return { orderId, totalCents, locationName: location.name };
}
