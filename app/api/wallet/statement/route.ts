import { route, statementCsvResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The signed-in driver's own statement as CSV. */
export const GET = route({ name: "/api/wallet/statement", permission: "driver:use" }, async ({ actor }) =>
  statementCsvResponse(actor, { ownerType: "DRIVER", ownerId: actor.userId }, "wallet"),
);
