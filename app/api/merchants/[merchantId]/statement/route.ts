import { notFound } from "@/lib/errors";
import { route, statementCsvResponse } from "@/lib/http";
import { findMembership } from "@/lib/merchants";

export const dynamic = "force-dynamic";

/** A merchant's statement as CSV, for its members only. */
export const GET = route(
  { name: "/api/merchants/[merchantId]/statement", permission: "merchant:view" },
  async ({ session, params }) => {
    // another merchant's id is indistinguishable from a missing one
    if (!(await findMembership(session.user.id, params.merchantId))) throw notFound("That merchant");
    return statementCsvResponse({ ownerType: "MERCHANT", ownerId: params.merchantId }, "merchant-statement");
  },
);
