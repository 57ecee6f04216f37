import { csvResponse, route, statementFilename } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { listStatement, statementCsv } from "@/lib/ledger";
import { findMembership } from "@/lib/merchants";

export const dynamic = "force-dynamic";

const MAX_ROWS = 5_000;

/** A merchant's statement as CSV, for its members only. */
export const GET = route(
  { name: "/api/merchants/[merchantId]/statement", permission: "merchant:view" },
  async ({ session, params }) => {
    // another merchant's id is indistinguishable from a missing one
    if (!(await findMembership(session.user.id, params.merchantId))) throw notFound("That merchant");
    const lines = await listStatement("MERCHANT", params.merchantId, MAX_ROWS);
    return csvResponse(statementCsv(lines), statementFilename("merchant-statement"));
  },
);
