import { z } from "zod";
import { getAccountOwner } from "@/lib/admin";
import { csvResponse, route, statementFilename } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { listStatement, statementCsv } from "@/lib/ledger";

export const dynamic = "force-dynamic";

const MAX_ROWS = 5_000;
const params = z.object({ ownerType: z.enum(["DRIVER", "MERCHANT"]), ownerId: z.string().min(1).max(64) });

/** Any driver's or merchant's statement as CSV, for admins. */
export const GET = route(
  { name: "/api/admin/accounts/[ownerType]/[ownerId]/statement", permission: "admin:view", params },
  async ({ params: { ownerType, ownerId } }) => {
    if (!(await getAccountOwner(ownerType, ownerId))) throw notFound("That account");
    const lines = await listStatement(ownerType, ownerId, MAX_ROWS);
    return csvResponse(statementCsv(lines), statementFilename(`${ownerType.toLowerCase()}-statement`));
  },
);
