import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";
import { findMembership, getMerchantDashboard } from "@/lib/merchants";

export const dynamic = "force-dynamic";

export const GET = route(
  { name: "/api/merchants/[merchantId]/summary", permission: "merchant:view" },
  async ({ session, params }) => {
    // another merchant's id is indistinguishable from a missing one
    const membership = await findMembership(session.user.id, params.merchantId);
    const dashboard = membership ? await getMerchantDashboard(params.merchantId) : null;
    if (!dashboard) throw notFound("That merchant");
    return dashboard;
  },
);
