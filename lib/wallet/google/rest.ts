import "server-only";
import pRetry from "p-retry";
import { logger } from "@/lib/observability";
import { accessToken, dropAccessToken } from "./access-token";
import { createGoogleCircuit, type GoogleCircuit } from "./circuit";
import { GoogleWalletError } from "./errors";
import type { GoogleWalletSetup } from "./service-account";

const ATTEMPT_TIMEOUT_MS = 10_000;
/** After the first attempt; each waits about twice the previous (300 ms, 600 ms). */
const RETRIES = 2;
const FIRST_BACKOFF_MS = 300;

const circuits = new Map<string, GoogleCircuit>();
const circuitFor = (apiBase: string) => {
  let circuit = circuits.get(apiBase);
  if (!circuit) circuits.set(apiBase, (circuit = createGoogleCircuit(`google-wallet ${apiBase}`)));
  return circuit;
};

export type GoogleReply = { status: number; body: Record<string, unknown> | null };

type Call = {
  method: "GET" | "POST" | "PATCH";
  /** Under the API base, e.g. `/loyaltyObject/123.abc`. */
  path: string;
  body?: unknown;
  /** Statuses the caller handles itself (404 on GET, 409 on insert) instead of an error. */
  expect?: number[];
};

/**
 * One Wallet REST call with the service account's token: a timeout per attempt, retries with
 * backoff for 429, 5xx, a garbled answer and a dropped connection; any other 4xx fails at once.
 * Every call here is safe to repeat (an insert repeated answers 409, which callers treat as done).
 * Behind a circuit breaker per API base (see circuit.ts).
 */
export async function googleRequest(setup: GoogleWalletSetup, call: Call): Promise<GoogleReply> {
  try {
    // retries sit outside the breaker: each attempt counts, and an open breaker stops the retrying
    return await pRetry(() => circuitFor(setup.apiBase).run(() => attempt(setup, call)), {
      retries: RETRIES,
      minTimeout: FIRST_BACKOFF_MS,
      factor: 2,
      randomize: true,
      shouldRetry: ({ error }) => !(error instanceof GoogleWalletError) || error.retryable,
    });
  } catch (err) {
    const status = err instanceof GoogleWalletError ? err.status : null;
    logger.warn(
      { provider: "google-wallet", method: call.method, path: call.path, status },
      "google wallet call failed",
    );
    if (err instanceof GoogleWalletError) throw err;
    throw new GoogleWalletError(`Google Wallet ${call.method} ${call.path} failed: ${String(err)}`, null, true);
  }
}

async function attempt(setup: GoogleWalletSetup, call: Call): Promise<GoogleReply> {
  const token = await accessToken(setup.account);
  let res: Response;
  try {
    res = await fetch(`${setup.apiBase}${call.path}`, {
      method: call.method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(call.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
  } catch (err) {
    throw new GoogleWalletError(`Google Wallet ${call.method} ${call.path}: ${String(err)}`, null, true);
  }
  const text = await res.text().catch(() => "");
  const what = `Google Wallet ${call.method} ${call.path} answered ${res.status}`;
  if (res.status === 401) {
    // a token revoked or expired before its time: fetch a new one on the next attempt
    dropAccessToken(setup.account);
    throw new GoogleWalletError(what, 401, true);
  }
  if (call.expect?.includes(res.status)) return { status: res.status, body: parseObject(text) };
  if (res.status === 429 || res.status >= 500) throw new GoogleWalletError(what, res.status, true);
  if (!res.ok) throw new GoogleWalletError(`${what}: ${errorMessage(text)}`, res.status, false);
  const body = parseObject(text);
  if (text && !body) throw new GoogleWalletError(`${what} with a body that is not JSON`, res.status, true);
  return { status: res.status, body };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Google's `{error:{message}}`, cut short (it names the field Google refused). */
function errorMessage(text: string): string {
  const error = parseObject(text)?.error as { message?: unknown } | undefined;
  return typeof error?.message === "string" ? error.message.slice(0, 200) : "no detail";
}
