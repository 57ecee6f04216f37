import { actorOf, authorize, sessionFromRequest } from "@/lib/auth";
import { csvResponse, route, statementFilename } from "@/lib/http";
import { listStatement, statementCsv } from "@/lib/ledger";

export const dynamic = "force-dynamic";

const MAX_ROWS = 5_000;

/** A merchant's statement as CSV, for its members only. */
export const GET = route<{ merchantId: string }>("/api/merchants/[merchantId]/statement", async (req, { params }) => {
  const session = authorize(await sessionFromRequest(req), "merchant:view");
  // another merchant's id is indistinguishable from a missing one (checked by listStatement)
  const lines = await listStatement(actorOf(session), { ownerType: "MERCHANT", ownerId: params.merchantId }, MAX_ROWS);
  return csvResponse(statementCsv(lines), statementFilename("merchant-statement"));
});
