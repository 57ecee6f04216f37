import { z } from "zod";
import { getAccountOwner } from "@/lib/admin";
import { actorOf, authorize, sessionFromRequest } from "@/lib/auth";
import { csvResponse, route, statementFilename } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { listStatement, statementCsv } from "@/lib/ledger";

export const dynamic = "force-dynamic";

const MAX_ROWS = 5_000;
const account = z.object({ ownerType: z.enum(["DRIVER", "MERCHANT"]), ownerId: z.string().min(1).max(64) });

/** Any driver's or merchant's statement as CSV, for admins. */
export const GET = route<{ ownerType: string; ownerId: string }>(
  "/api/admin/accounts/[ownerType]/[ownerId]/statement",
  async (req, { params }) => {
    const actor = actorOf(authorize(await sessionFromRequest(req), "admin:view"));
    const { ownerType, ownerId } = account.parse(params);
    if (!(await getAccountOwner(actor, ownerType, ownerId))) throw notFound("That account");
    const lines = await listStatement(actor, { ownerType, ownerId }, MAX_ROWS);
    return csvResponse(statementCsv(lines), statementFilename(`${ownerType.toLowerCase()}-statement`));
  },
);
