import { actorOf, authorize, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { getMerchantDashboard } from "@/lib/merchants";

export const dynamic = "force-dynamic";

export const GET = route<{ merchantId: string }>("/api/merchants/[merchantId]/summary", async (req, { params }) => {
  const session = authorize(await sessionFromRequest(req), "merchant:view");
  return json(await getMerchantDashboard(actorOf(session), params.merchantId));
});
