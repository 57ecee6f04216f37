import { route, statementCsvResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** A merchant's statement as CSV, for its members only (another merchant's id: 404). */
export const GET = route(
  { name: "/api/merchants/[merchantId]/statement", permission: "merchant:view" },
  ({ actor, params }) =>
    statementCsvResponse(actor, { ownerType: "MERCHANT", ownerId: params.merchantId }, "merchant-statement"),
);
