import { actorOf, authorize, sessionFromRequest } from "@/lib/auth";
import { csvResponse, route, statementFilename } from "@/lib/http";
import { listStatement, statementCsv } from "@/lib/ledger";

export const dynamic = "force-dynamic";

const MAX_ROWS = 5_000;

/** The signed-in driver's own statement as CSV. */
export const GET = route("/api/wallet/statement", async (req) => {
  const session = authorize(await sessionFromRequest(req), "driver:use");
  const lines = await listStatement(actorOf(session), { ownerType: "DRIVER", ownerId: session.user.id }, MAX_ROWS);
  return csvResponse(statementCsv(lines), statementFilename("wallet"));
});
