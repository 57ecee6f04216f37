import { timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

/** Metrics are public only when no METRICS_TOKEN is configured (development). */
export function canReadMetrics(authorization: string | null): boolean {
  const token = config().METRICS_TOKEN;
  if (!token) return true;
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
