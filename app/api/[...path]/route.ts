import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

// An API path no route answers: a JSON 404 through route() (request id, security headers), not the
// HTML not-found page, which would go out without the CSP the proxy gives pages (it does not run on
// /api, see proxy.ts). More specific routes, next-auth's included, always win over this one.
const missing = route({ name: "/api/[...path]", permission: "public", sameOrigin: false }, async () => {
  throw notFound("That API path");
});

export { missing as GET, missing as POST, missing as PUT, missing as PATCH, missing as DELETE };
