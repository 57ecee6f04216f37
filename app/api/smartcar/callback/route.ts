import { NextResponse } from "next/server";
import { actorOf, authorize, metaFromHeaders, sessionFromRequest } from "@/lib/auth";
import { config } from "@/lib/config";
import { route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { callbackInput, completeVehicleConnect } from "@/lib/vehicles";

export const dynamic = "force-dynamic";

/** OAuth callback: back to the Car tab with the outcome a person can read. */
export const GET = route("/api/smartcar/callback", async (req, { log }) => {
  // the public base URL: behind `next start` or a proxy, req.nextUrl.origin may name another host
  const back = new URL("/app/car", config().NEXTAUTH_URL);
  const session = authorize(await sessionFromRequest(req), "driver:use");
  const params = req.nextUrl.searchParams;
  if (params.get("error")) {
    back.searchParams.set("error", "declined");
    return NextResponse.redirect(back, 303);
  }
  try {
    const input = callbackInput.parse({ code: params.get("code"), state: params.get("state") });
    await completeVehicleConnect(actorOf(session), input, metaFromHeaders(req.headers));
    back.searchParams.set("connected", "1");
  } catch (err) {
    if (!(err instanceof AppError)) log.error({ err }, "vehicle connect failed");
    back.searchParams.set("error", err instanceof AppError ? err.code : "connect_failed");
  }
  return NextResponse.redirect(back, 303);
});
