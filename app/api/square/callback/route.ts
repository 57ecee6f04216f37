import { NextResponse } from "next/server";
import { actorOf, sessionFromRequest } from "@/lib/auth";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { completeSquareConnect, squareCallbackInput } from "@/lib/square";

export const dynamic = "force-dynamic";

/**
 * Square's OAuth redirect: back to the Square page with the outcome as a code the page turns into
 * a sentence (never a 500). Square's redirect carries no Origin of ours (sameOrigin off). Someone
 * whose session ended on Square's page signs in first and comes back here (the state still binds
 * the grant to the person who asked); a wrong role is refused by the domain call like any error.
 */
export const GET = route(
  { name: "/api/square/callback", permission: "public", sameOrigin: false },
  async ({ req, meta, log }) => {
    // the public base URL: behind `next start` or a proxy, req.nextUrl.origin may name another host
    const base = config().NEXTAUTH_URL;
    const session = await sessionFromRequest(req);
    if (!session) {
      const signIn = new URL("/signin", base);
      signIn.searchParams.set("callbackUrl", `${req.nextUrl.pathname}${req.nextUrl.search}`);
      return NextResponse.redirect(signIn, 303);
    }
    const back = new URL("/merchant/square", base);
    const params = req.nextUrl.searchParams;
    const error = params.get("error");
    if (error) {
      back.searchParams.set("error", error === "access_denied" ? "declined" : "square_error");
      return NextResponse.redirect(back, 303);
    }
    const input = squareCallbackInput.safeParse({ code: params.get("code"), state: params.get("state") });
    if (!input.success) {
      back.searchParams.set("error", "invalid_callback");
      return NextResponse.redirect(back, 303);
    }
    try {
      await completeSquareConnect(actorOf(session), input.data, meta);
      back.searchParams.set("connected", "1");
    } catch (err) {
      if (!(err instanceof AppError)) log.error({ err }, "square connect failed");
      back.searchParams.set("error", err instanceof AppError ? err.code : "connect_failed");
    }
    return NextResponse.redirect(back, 303);
  },
);
