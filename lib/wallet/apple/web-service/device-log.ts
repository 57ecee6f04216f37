import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/observability";
import { rateLimit } from "@/lib/rate-limit";

const MAX_LINES = 20;
const MAX_LINE_CHARS = 500;

const deviceLogBody = z.object({ logs: z.array(z.unknown()).max(1000) });

/** Wallet reports problems with our passes here; the lines go to our log (capped: it is public). */
export async function recordDeviceLog(bodyText: string, ip: string | null | undefined): Promise<number> {
  await rateLimit("passLogPerIp", ip);
  let raw: unknown;
  try {
    raw = JSON.parse(bodyText);
  } catch {
    throw new AppError("malformed_request", "The request body must be JSON.");
  }
  const parsed = deviceLogBody.safeParse(raw);
  if (!parsed.success) throw new AppError("malformed_request", "The body must be { logs: [...] }.");
  const lines = parsed.data.logs.slice(0, MAX_LINES).map((line) => String(line).slice(0, MAX_LINE_CHARS));
  for (const line of lines) logger.info({ source: "apple-wallet", line }, "wallet device log");
  return lines.length;
}
