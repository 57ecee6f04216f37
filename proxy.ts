import { NextResponse, type NextRequest } from "next/server";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/lib/observability/request-id";

/**
 * Coarse gating only: gives every request an id that handlers and logs share.
 * Authorization is never decided here; every action and handler checks on its own.
 */
export function proxy(req: NextRequest) {
  const requestId = ensureRequestId(req.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest).*)"],
};
