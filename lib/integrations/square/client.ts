import "server-only";
import type { SquareClient, SquareError } from "square";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

// The SDK is about 3,600 files, 1.8 s of loading: it loads on the first Square call, not with every
// module that might make one (each server start and every test file paid for it before).
let sdk: Promise<typeof import("square")> | undefined;
let loaded: typeof import("square") | undefined;
const loadSdk = () => (sdk ??= import("square").then((m) => (loaded = m)));

/** An error the SDK threw: its class exists only once the SDK has loaded, as every such error does. */
export function isSquareError(err: unknown): err is SquareError {
  return loaded !== undefined && err instanceof loaded.SquareError;
}

// Calls on a request path wait this long; the refresh job and webhooks retry on their own schedule.
const TIMEOUT_SECONDS = 15;

/** The app's Square credentials, or `not_configured` (the sandbox twin supplies them in development). */
export function squareApp(): { applicationId: string; applicationSecret: string } {
  const env = config();
  if (!env.SQUARE_APPLICATION_ID || !env.SQUARE_APPLICATION_SECRET)
    throw new AppError("not_configured", "Square is not set up on this server.");
  return { applicationId: env.SQUARE_APPLICATION_ID, applicationSecret: env.SQUARE_APPLICATION_SECRET };
}

/**
 * The official SDK pointed at SQUARE_API_BASE (Square, the sandbox twin or the test fake), SDK retries
 * off: our jobs and the provider's webhook redeliveries retry, with the same keys. Without a token,
 * auth is off (obtainToken; revokeToken takes `Authorization: Client <secret>` per request).
 */
export async function squareSdk(token?: string): Promise<SquareClient> {
  const { SquareClient } = await loadSdk();
  const base = { baseUrl: config().SQUARE_API_BASE, maxRetries: 0, timeoutInSeconds: TIMEOUT_SECONDS };
  return new SquareClient(token ? { ...base, token } : { ...base, auth: false });
}
