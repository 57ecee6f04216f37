import type { SquareError } from "square";
import { AppError } from "@/lib/errors";
import { isSquareError } from "@/lib/integrations/square";

/**
 * Square said no, for good: a JSON 4xx answer (bad code, revoked or unknown grant). 408 and 429,
 * an HTML page from a proxy, a 5xx, a timeout or a dropped connection say nothing about the grant.
 */
export function isDefiniteRefusal(err: unknown): err is SquareError {
  if (!isSquareError(err) || err.statusCode === undefined) return false;
  const status = err.statusCode;
  if (status < 400 || status >= 500 || status === 408 || status === 429) return false;
  const html = typeof err.body === "string" || err.errors.every((e) => e.category === "V1_ERROR");
  return !html;
}

/** What Square said, briefly, for a status reason or a log line. */
export function describeSquareFailure(err: unknown): string {
  if (!isSquareError(err)) return err instanceof Error ? err.message : "unknown failure";
  const first = err.errors[0];
  const code = first?.code && first.code !== "Unknown" ? ` ${first.code}` : "";
  return err.statusCode ? `HTTP ${err.statusCode}${code}` : err.message || "no answer";
}

export const squareUnavailable = () =>
  new AppError("provider_unavailable", "Square did not answer. Nothing was changed; try again in a few minutes.");
