import { authorize, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { findMembership, getMerchantDashboard } from "@/lib/merchants";

export const dynamic = "force-dynamic";

export const GET = route<{ merchantId: string }>("/api/merchants/[merchantId]/summary", async (req, { params }) => {
  const session = authorize(await sessionFromRequest(req), "merchant:view");
  // another merchant's id is indistinguishable from a missing one
  const membership = await findMembership(session.user.id, params.merchantId);
  const dashboard = membership ? await getMerchantDashboard(params.merchantId) : null;
  if (!dashboard) throw notFound("That merchant");
  return json(dashboard);
});
