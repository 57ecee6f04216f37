import { NextResponse } from "next/server";
import { actorOf, authorize, sessionFromRequest } from "@/lib/auth";
import { route } from "@/lib/http";
import { startVehicleConnect } from "@/lib/vehicles";

export const dynamic = "force-dynamic";

/** The Connect button: off to the car maker's consent page with a state bound to this driver. */
export const GET = route("/api/smartcar/connect", async (req) => {
  const session = authorize(await sessionFromRequest(req), "driver:use");
  return NextResponse.redirect(await startVehicleConnect(actorOf(session)), 303);
});
