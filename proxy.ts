import { NextResponse, type NextRequest } from "next/server";
import { crossSiteAction, malformedActionEnvelope } from "@/lib/http/action-envelope";
import { API_POLICY, contentSecurityPolicy, HSTS, newNonce } from "@/lib/http/security-headers";
import { requestLogger } from "@/lib/observability/logger";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import { refuseControlCharsInUrl } from "@/lib/validation";

// Pages that need a signed-in person. This only redirects early for a nicer experience;
// every page, action and handler checks the session and role itself.
const GATED = [
  /^\/app\/(wallet|codes|pass|car|account|charge|sessions|notifications)(\/|$)/,
  // the business sign-up and invitation pages are public (they offer to sign in or sign up)
  /^\/merchant(?!\/(signup|invite)(\/|$))(\/|$)/,
  /^\/admin(\/|$)/,
  /^\/account(\/|$)/,
];
const SESSION_COOKIES = ["__Host-nerava.session", "nerava.session"];
// Pages of the sandbox twins. The pages refuse too, but under a streaming layout (loading.tsx) a
// page's notFound() still answers 200; here production answers a real 404 before any rendering.
const SANDBOX_ONLY = [/^\/app\/car\/sandbox-connect(\/|$)/, /^\/dev(\/|$)/];

export async function proxy(req: NextRequest) {
  const requestId = ensureRequestId(req.headers.get(REQUEST_ID_HEADER));
  const nonce = newNonce();
  // an API path that comes here (one with a %) gets the API's policy, as route() would give it
  const api = /^\/api(\/|$)/.test(req.nextUrl.pathname) && !req.nextUrl.pathname.startsWith("/api/auth/");
  const pagePolicy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    mapTileUrl: process.env.MAP_TILE_URL,
    https: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  const csp = api ? API_POLICY : pagePolicy;
  const finish = (res: NextResponse) => {
    res.headers.set(REQUEST_ID_HEADER, requestId);
    res.headers.set("Content-Security-Policy", csp);
    if (process.env.NODE_ENV === "production") res.headers.set("Strict-Transport-Security", HSTS);
    return res;
  };

  if (crossSiteAction(req)) {
    requestLogger(requestId).warn({ path: req.nextUrl.pathname }, "cross-site action request");
    const body = { error: { code: "bad_origin", message: "This request did not come from Nerava." } };
    return finish(NextResponse.json(body, { status: 403, headers: { "Cache-Control": "no-store" } }));
  }
  // a hand-made server-action envelope is a bad request, not a 500 from Next's decoder (see the module)
  const malformed = await malformedActionEnvelope(req);
  if (malformed) {
    requestLogger(requestId).warn({ path: req.nextUrl.pathname, malformed }, "malformed action request");
    const body = { error: { code: "malformed_request", message: "This is not a request our pages send." } };
    return finish(NextResponse.json(body, { status: 400, headers: { "Cache-Control": "no-store" } }));
  }
  const { pathname, search } = req.nextUrl;
  const refused = refuseControlCharsInUrl(req.nextUrl);
  if (refused) {
    const code = refused.status === 404 ? "not_found" : "malformed_request";
    return finish(NextResponse.json({ error: { code, message: refused.message } }, { status: refused.status }));
  }
  if (process.env.NODE_ENV === "production" && SANDBOX_ONLY.some((re) => re.test(pathname))) {
    const body = { error: { code: "not_found", message: "That was not found." } };
    return finish(NextResponse.json(body, { status: 404 }));
  }
  if (GATED.some((re) => re.test(pathname)) && !SESSION_COOKIES.some((c) => req.cookies.has(c))) {
    const url = req.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return finish(NextResponse.redirect(url));
  }
  // Next reads the nonce from the request's CSP header and puts it on the scripts it renders;
  // a client's own copy of either header is replaced.
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  return finish(NextResponse.next({ request: { headers } }));
}

// Not the JSON API (route() in lib/http answers every /api route but next-auth's): running the proxy
// costs about 0.7 ms of CPU a request, half of the cheapest one (docs/performance.md), and for a
// request with a body Next copies the body for it. route() does the proxy's API work itself: the
// request id, control characters in segments, query and body, and the response's security headers
// (HSTS, a CSP that allows nothing). A path with a percent sign still comes here: a segment that does
// not decode (%ff, a lone %) is a 400 here, where Next alone answers a bare 500 before any handler.
// Pages, server actions and next-auth's routes always come here.
export const config = {
  matcher: [
    "/((?!_next/static/|_next/image$|favicon\\.ico$|icon\\.svg$|manifest\\.webmanifest$|api/(?!auth/)).*)",
    "/api/:rest(.*%.*)",
  ],
};
