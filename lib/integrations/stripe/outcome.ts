import Stripe from "stripe";

/**
 * What a failed Stripe call tells us about the money:
 * - `rejected`: Stripe answered and refused; nothing happened (a 4xx such as balance_insufficient,
 *   capability_not_active, payouts_not_allowed, instant_payouts_unsupported).
 * - `unknown`: no answer, or one that does not say (timeouts, dropped connections, 5xx, 429, a key
 *   still in use, our own key refused): Stripe may have acted, so the same call is sent again
 *   with the same Idempotency-Key, and money is never returned meanwhile.
 */
export type CallOutcome = { kind: "rejected" | "unknown"; code: string; message: string; status?: number };

export function outcomeOf(err: unknown): CallOutcome {
  if (err instanceof Stripe.errors.StripeError) {
    const code = err.code ?? err.type;
    const status = err.statusCode;
    const definite =
      (err instanceof Stripe.errors.StripeInvalidRequestError ||
        err instanceof Stripe.errors.StripeCardError ||
        err instanceof Stripe.errors.StripePermissionError) &&
      status !== undefined &&
      status >= 400 &&
      status < 500 &&
      status !== 409 &&
      status !== 429 &&
      err.code !== "idempotency_key_in_use";
    return { kind: definite ? "rejected" : "unknown", code, message: err.message, status };
  }
  return { kind: "unknown", code: "error", message: err instanceof Error ? err.message : String(err) };
}
