import { route } from "@/lib/http";
import { getDriverBalances } from "@/lib/ledger";
import { releaseExpiredHolds } from "@/lib/merchants";

export const dynamic = "force-dynamic";

/** The signed-in driver's balances (the top bar and the wallet poll it while Nova is held or pending). */
export const GET = route({ name: "/api/me/balances", permission: "driver:use" }, async ({ actor }) => {
  // expired holds go back to available before the balances are read, as on the wallet page
  await releaseExpiredHolds({ actor });
  return getDriverBalances(actor);
});
