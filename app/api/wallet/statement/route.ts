import { csvResponse, route, statementFilename } from "@/lib/http";
import { listStatement, statementCsv } from "@/lib/ledger";

export const dynamic = "force-dynamic";

const MAX_ROWS = 5_000;

/** The signed-in driver's own statement as CSV. */
export const GET = route({ name: "/api/wallet/statement", permission: "driver:use" }, async ({ session }) => {
  const lines = await listStatement("DRIVER", session.user.id, MAX_ROWS);
  return csvResponse(statementCsv(lines), statementFilename("wallet"));
});
