import { z } from "zod";
import { getAccountOwner } from "@/lib/admin";
import { notFound } from "@/lib/errors";
import { route, statementCsvResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

const params = z.object({ ownerType: z.enum(["DRIVER", "MERCHANT"]), ownerId: z.string().min(1).max(64) });

/** Any driver's or merchant's statement as CSV, for admins. */
export const GET = route(
  { name: "/api/admin/accounts/[ownerType]/[ownerId]/statement", permission: "admin:view", params },
  async ({ actor, params: account }) => {
    if (!(await getAccountOwner(actor, account.ownerType, account.ownerId))) throw notFound("That account");
    return statementCsvResponse(actor, account, `${account.ownerType.toLowerCase()}-statement`);
  },
);
