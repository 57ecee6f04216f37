import { route } from "@/lib/http";
import { getMerchantDashboard } from "@/lib/merchants";

export const dynamic = "force-dynamic";

/** The merchant's dashboard figures, for its members only (another merchant's id: 404). */
export const GET = route(
  { name: "/api/merchants/[merchantId]/summary", permission: "merchant:view" },
  ({ actor, params }) => getMerchantDashboard(actor, params.merchantId),
);
