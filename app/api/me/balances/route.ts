import { authorize, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { getDriverBalances } from "@/lib/ledger";
import { releaseExpiredHolds } from "@/lib/merchants/redemptions";

export const dynamic = "force-dynamic";

/** The signed-in driver's balances (the top bar and the wallet poll it while Nova is held or pending). */
export const GET = route("/api/me/balances", async (req) => {
  const session = authorize(await sessionFromRequest(req), "driver:use");
  // expired holds go back to available before the balances are read, as on the wallet page
  await releaseExpiredHolds({ driverId: session.user.id });
  return json(await getDriverBalances(session.user.id));
});
