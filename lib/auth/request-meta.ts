import { headers } from "next/headers";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/lib/observability/request-id";

export type RequestMeta = { ip: string; userAgent: string | null; requestId: string };

/**
 * The client address as the proxy in front of us reports it. Without one (direct
 * connections in development) every client shares the "direct" bucket for IP limits.
 */
export function clientIp(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "direct";
}

export function metaFromHeaders(h: Headers): RequestMeta {
  return { ip: clientIp(h), userAgent: h.get("user-agent"), requestId: ensureRequestId(h.get(REQUEST_ID_HEADER)) };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}
