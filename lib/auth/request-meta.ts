import { isIP } from "node:net";
import { headers } from "next/headers";
import { config } from "@/lib/config";
import { PEER_ADDRESS_HEADER, peerAddressStampInstalled } from "./peer-address";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/lib/observability";

export type RequestMeta = { ip: string; userAgent: string | null; requestId: string };

/** One bucket for every request whose address cannot be known (never a value the client chose). */
export const UNKNOWN_IP = "unknown";

function normalise(address: string | null | undefined): string | null {
  const a = address?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return a && isIP(a) ? a : null;
}

/**
 * The client's address: the one rate limits, audit records and session records all use. The TCP
 * peer (stamped by lib/auth/peer-address) is hop 0; each trusted proxy in front of us appends the
 * address it saw to X-Forwarded-For, so with TRUSTED_PROXY_HOPS = N the answer is the N-th entry
 * from the right, never the left-most one the client wrote. X-Real-IP is not read.
 */
export function clientIp(h: Headers, trustedHops: number = config().TRUSTED_PROXY_HOPS): string {
  const peer = peerAddressStampInstalled() ? h.get(PEER_ADDRESS_HEADER) : null;
  const forwarded = (h.get("x-forwarded-for") ?? "").split(",").filter((e) => e.trim() !== "");
  const hops = [peer, ...forwarded.reverse()]; // nearest first
  if (trustedHops === 0) return normalise(peer) ?? UNKNOWN_IP;
  return normalise(hops[Math.min(trustedHops, hops.length - 1)]) ?? UNKNOWN_IP;
}

export function metaFromHeaders(h: Headers): RequestMeta {
  return { ip: clientIp(h), userAgent: h.get("user-agent"), requestId: ensureRequestId(h.get(REQUEST_ID_HEADER)) };
}

export async function requestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}
