import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { callbackInput, completeVehicleConnect } from "@/lib/vehicles";

export const dynamic = "force-dynamic";

/**
 * OAuth callback: back to the Car tab with the outcome a person can read. The car maker's
 * redirect carries no Origin of ours (sameOrigin off), and the query is read here rather than
 * by a schema because every outcome, a bad one included, is a redirect rather than JSON.
 */
export const GET = route(
  { name: "/api/smartcar/callback", permission: "driver:use", sameOrigin: false },
  async ({ req, actor, meta, log }) => {
    // the public base URL: behind `next start` or a proxy, req.nextUrl.origin may name another host
    const back = new URL("/app/car", config().NEXTAUTH_URL);
    const params = req.nextUrl.searchParams;
    if (params.get("error")) {
      back.searchParams.set("error", "declined");
      return NextResponse.redirect(back, 303);
    }
    const input = callbackInput.safeParse({ code: params.get("code"), state: params.get("state") });
    if (!input.success) {
      // a hand-made or truncated callback: the driver starts again, nothing worth an error log
      back.searchParams.set("error", "invalid_callback");
      return NextResponse.redirect(back, 303);
    }
    try {
      await completeVehicleConnect(actor, input.data, meta);
      back.searchParams.set("connected", "1");
    } catch (err) {
      if (!(err instanceof AppError)) log.error({ err }, "vehicle connect failed");
      back.searchParams.set("error", err instanceof AppError ? err.code : "connect_failed");
    }
    return NextResponse.redirect(back, 303);
  },
);
