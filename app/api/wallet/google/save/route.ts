import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { getGoogleSaveLink } from "@/lib/wallet";

export const dynamic = "force-dynamic";

/**
 * "Add to Google Wallet" (a form POST from the pass page: same-origin only, so another site cannot
 * make a driver's card behind their back): off to Google's save page for the driver's own pass. A
 * refusal the driver can act on goes back to the pass page, which says it in words.
 */
export const POST = route({ name: "/api/wallet/google/save", permission: "driver:use" }, async ({ actor }) => {
  try {
    return NextResponse.redirect(await getGoogleSaveLink(actor), 303);
  } catch (err) {
    if (!(err instanceof AppError) || err.status < 429) throw err;
    const problem = err.status === 429 ? "google_busy" : "google_unavailable";
    const back = new URL(`/app/pass?wallet_problem=${problem}#wallet-card-title`, config().NEXTAUTH_URL);
    return NextResponse.redirect(back, 303);
  }
});
