import { NextResponse, type NextRequest } from "next/server";
import { malformedActionEnvelope } from "@/lib/http/action-envelope";
import { requestLogger } from "@/lib/observability/logger";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import { refuseControlCharsInUrl } from "@/lib/validation/control-chars";

// Pages that need a signed-in person. This only redirects early for a nicer experience;
// every page, action and handler checks the session and role itself.
const GATED = [
  /^\/app\/(wallet|codes|pass|car|account|charge|sessions)(\/|$)/,
  /^\/merchant(\/|$)/,
  /^\/admin(\/|$)/,
  /^\/account(\/|$)/,
];
const SESSION_COOKIES = ["__Host-nerava.session", "nerava.session"];

export async function proxy(req: NextRequest) {
  const requestId = ensureRequestId(req.headers.get(REQUEST_ID_HEADER));
  // a hand-made server-action envelope is a bad request, not a 500 from Next's decoder (see the module)
  const malformed = await malformedActionEnvelope(req);
  if (malformed) {
    requestLogger(requestId).warn({ path: req.nextUrl.pathname, malformed }, "malformed action request");
    const body = { error: { code: "malformed_request", message: "This is not a request our pages send." } };
    return NextResponse.json(body, {
      status: 400,
      headers: { [REQUEST_ID_HEADER]: requestId, "Cache-Control": "no-store" },
    });
  }
  const { pathname, search } = req.nextUrl;
  const refused = refuseControlCharsInUrl(req.nextUrl);
  if (refused) {
    const code = refused.status === 404 ? "not_found" : "malformed_request";
    const res = NextResponse.json({ error: { code, message: refused.message } }, { status: refused.status });
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  }
  if (GATED.some((re) => re.test(pathname)) && !SESSION_COOKIES.some((c) => req.cookies.has(c))) {
    const url = req.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    const res = NextResponse.redirect(url);
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  }
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|manifest.webmanifest).*)"],
};
