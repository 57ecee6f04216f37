// Stripe's idempotency: a key is scoped to the account it was sent on; the same key with the same
// parameters replays the first answer (4xx included, 5xx never stored); different parameters are
// refused; a key whose first request is still running answers 409.
import { SandboxApiError } from "./errors";
import type { SandboxState, StoredResponse } from "./store";

export type IdempotencyCheck =
  | { kind: "new"; finish(response: Omit<StoredResponse, "fingerprint"> | undefined): void }
  | { kind: "replay"; response: StoredResponse };

/** Same JSON for the same parameters whatever their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

export function createIdempotency(state: SandboxState) {
  const inFlight = new Set<string>();
  return {
    /** Throws the 400 or 409 Stripe answers; otherwise says whether to act or replay. */
    check(scope: string, key: string, method: string, path: string, params: unknown): IdempotencyCheck {
      const slot = `${scope} ${key}`;
      const fingerprint = `${method} ${path} ${canonical(params)}`;
      if (inFlight.has(slot))
        throw new SandboxApiError(409, {
          type: "invalid_request_error",
          code: "idempotency_key_in_use",
          doc_url: "https://stripe.com/docs/error-codes/idempotency-key-in-use",
          message:
            "There is currently another in-progress request using this Idempotent Key (probably because you sent the same request twice in quick succession). Please try again later.",
        });
      const stored = state.idempotency[slot];
      if (stored && stored.fingerprint !== fingerprint)
        throw new SandboxApiError(400, {
          type: "idempotency_error",
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        });
      if (stored) return { kind: "replay", response: stored };
      inFlight.add(slot);
      return {
        kind: "new",
        finish(response) {
          inFlight.delete(slot);
          if (response && response.status < 500) state.idempotency[slot] = { fingerprint, ...response };
        },
      };
    },
  };
}
