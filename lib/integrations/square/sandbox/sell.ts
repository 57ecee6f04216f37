// POST /_sandbox/orders: the seller rings up a completed sale at one of its own locations, as its
// POS would (Square has no such call: this is the twin's HTTP door to control.createOrder). The
// Bearer token decides the seller; the order webhooks follow as for any sale.
import type { Sandbox } from "./context";
import { invalidValue, missingField } from "./errors";
import { createOrder } from "./orders";

const MAX_CENTS = 10_000_000;

type Body = Record<string, unknown>;

function optionalText(body: Body, field: string, pattern: RegExp): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !pattern.test(value)) throw invalidValue(`${field} is not valid.`, field);
  return value;
}

function closedAtOf(body: Body, now: number): string | undefined {
  const value = optionalText(body, "closed_at", /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)$/);
  if (value === undefined) return undefined;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms) || ms > now) throw invalidValue("closed_at must be a time in the past.", "closed_at");
  return value;
}

export function sellAtLocation(sandbox: Sandbox, merchantId: string, body: Body) {
  const locationId = body.location_id;
  if (typeof locationId !== "string" || !locationId) throw missingField("location_id");
  const totalCents = body.total_cents;
  if (typeof totalCents !== "number" || !Number.isSafeInteger(totalCents) || totalCents <= 0 || totalCents > MAX_CENTS)
    throw invalidValue(`total_cents is a whole number from 1 to ${MAX_CENTS}.`, "total_cents");
  const closedAt = closedAtOf(body, sandbox.now());
  const order = createOrder(sandbox, merchantId, {
    locationId,
    totalCents,
    customerPhone: optionalText(body, "customer_phone", /^\+[1-9]\d{7,14}$/),
    cardFingerprint: optionalText(body, "card_fingerprint", /^[A-Za-z0-9_:.-]{1,100}$/),
    state: "COMPLETED",
    // a sale closed in the past synced late, as an offline POS sale does
    ...(closedAt && { closedAt, source: "offline" as const }),
  });
  return { order };
}
