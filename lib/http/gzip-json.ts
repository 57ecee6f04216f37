import { gzipSync } from "node:zlib";
import { NextResponse } from "next/server";

// A large JSON answer (the map's nearby answer, about 55 KB) gzipped by the handler itself, at
// level 1: Next's own compression runs zlib's default level 6 as a stream on the thread pool,
// and the level-1 body is ~14% larger but costs a fraction of the time (README "Nearby query").
// Next's compression leaves a response that already has a Content-Encoding alone, so nothing is
// compressed twice; a client that does not accept gzip gets the plain JSON.
export const JSON_GZIP_LEVEL = 1;
/** Below this, as in Next's compression, the bytes saved are not worth the work. */
const THRESHOLD = 1024;

/** Whether `Accept-Encoding` allows gzip (q > 0 for gzip, or for `*` when gzip is not named). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  let star = false;
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    if (coding.trim() === "gzip" || coding.trim() === "x-gzip") return allowed;
    if (coding.trim() === "*") star = allowed;
  }
  return star;
}

/** `json()` for a large body: gzipped here when the request accepts it. */
export function gzippedJson(req: Request, body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const common = {
    "Cache-Control": "no-store",
    ...headers,
    "Content-Type": "application/json",
    Vary: "Accept-Encoding",
  };
  if (text.length < THRESHOLD || !acceptsGzip(req.headers.get("accept-encoding")))
    return new NextResponse(text, { status, headers: common });
  return new NextResponse(gzipSync(text, { level: JSON_GZIP_LEVEL }), {
    status,
    headers: { ...common, "Content-Encoding": "gzip" },
  });
}
