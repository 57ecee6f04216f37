import { actorOf, assertSameOrigin, authorize, metaFromHeaders, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { confirmInput, confirmRedemption } from "@/lib/merchants/redemptions";

export const dynamic = "force-dynamic";

/** Confirms a code at the counter (JSON twin of the merchant's redeem form). */
export const POST = route<{ merchantId: string }>(
  "/api/merchants/[merchantId]/redemptions",
  async (req, { params }) => {
    const session = authorize(await sessionFromRequest(req), "merchant:operate");
    assertSameOrigin(req.headers);
    const input = confirmInput.parse(await req.json().catch(() => ({})));
    return json(await confirmRedemption(actorOf(session), params.merchantId, input, metaFromHeaders(req.headers)));
  },
);
