import { NextResponse, type NextRequest } from "next/server";
import { ensureRequestId, REQUEST_ID_HEADER } from "@/lib/observability/request-id";

// Pages that need a signed-in person. This only redirects early for a nicer experience;
// every page, action and handler checks the session and role itself.
const GATED = [
  /^\/app\/(wallet|codes|pass|car|account|charge|sessions)(\/|$)/,
  /^\/merchant(\/|$)/,
  /^\/admin(\/|$)/,
  /^\/account(\/|$)/,
];
const SESSION_COOKIES = ["__Host-nerava.session", "nerava.session"];

export function proxy(req: NextRequest) {
  const requestId = ensureRequestId(req.headers.get(REQUEST_ID_HEADER));
  const { pathname, search } = req.nextUrl;
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
