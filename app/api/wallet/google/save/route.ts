import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { getGoogleSaveLink } from "@/lib/wallet";

export const dynamic = "force-dynamic";

/** "Add to Google Wallet": off to Google's save page for the signed-in driver's own pass (503 when unavailable). */
export const GET = route({ name: "/api/wallet/google/save", permission: "driver:use" }, async ({ actor }) =>
  NextResponse.redirect(await getGoogleSaveLink(actor), 303),
);
