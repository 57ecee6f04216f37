import { allowedOrigins } from "@/lib/config";
import { AppError } from "@/lib/errors";

/**
 * Route handlers get no origin check from Next (server actions do). A cookie-authenticated
 * state change must come from our own pages: Origin in the allowed list, or, with no
 * Origin, a same-origin Sec-Fetch-Site. `Origin: null` and foreign origins are refused.
 */
export function assertSameOrigin(headers: Headers): void {
  const origin = headers.get("origin");
  if (origin !== null) {
    if (origin === "null" || !allowedOrigins().includes(origin)) throw refused();
    return;
  }
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") throw refused();
}

const refused = () => new AppError("bad_origin", "This request did not come from Nerava.");
