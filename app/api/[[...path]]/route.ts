import { notFound } from "@/lib/errors";
import type { NextRequest } from "next/server";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

// An API path no route answers (and /api itself): a JSON 404 through route() (request id, security
// headers), not the HTML not-found page, which would go out without the CSP the proxy gives pages (it
// does not run on /api, see proxy.ts). More specific routes, next-auth's included, win over this one.
const missing = route({ name: "/api/[[...path]]", permission: "public", sameOrigin: false }, async () => {
  throw notFound("That API path");
});

// route() takes string params; a catch-all's are a list, and this answer needs none of them
const answer = (req: NextRequest) => missing(req, { params: Promise.resolve({}) });

export { answer as GET, answer as POST, answer as PUT, answer as PATCH, answer as DELETE };
