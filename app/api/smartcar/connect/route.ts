import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { startVehicleConnect } from "@/lib/vehicles";

export const dynamic = "force-dynamic";

/** The Connect button: off to the car maker's consent page with a state bound to this driver. */
export const GET = route({ name: "/api/smartcar/connect", permission: "driver:use" }, async ({ actor }) =>
  NextResponse.redirect(await startVehicleConnect(actor), 303),
);
