import { route } from "@/lib/http";
import { confirmInput, confirmRedemption } from "@/lib/merchants";

export const dynamic = "force-dynamic";

/** Confirms a code at the counter (JSON twin of the merchant's redeem form); the domain checks membership. */
export const POST = route(
  { name: "/api/merchants/[merchantId]/redemptions", permission: "merchant:operate", body: confirmInput },
  ({ actor, params, body, meta }) => confirmRedemption(actor, params.merchantId, body, meta),
);
