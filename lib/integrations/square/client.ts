import "server-only";
import { SquareClient } from "square";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

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
export function squareSdk(token?: string): SquareClient {
  const base = { baseUrl: config().SQUARE_API_BASE, maxRetries: 0, timeoutInSeconds: TIMEOUT_SECONDS };
  return new SquareClient(token ? { ...base, token } : { ...base, auth: false });
}
