import { assertSameOrigin, authorize, metaFromHeaders, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { notFound } from "@/lib/errors";
import { findMembership } from "@/lib/merchants";
import { confirmInput, confirmRedemption } from "@/lib/merchants/redemptions";

export const dynamic = "force-dynamic";

/** Confirms a code at the counter (JSON twin of the merchant's redeem form). */
export const POST = route<{ merchantId: string }>(
  "/api/merchants/[merchantId]/redemptions",
  async (req, { params }) => {
    const session = authorize(await sessionFromRequest(req), "merchant:operate");
    assertSameOrigin(req.headers);
    if (!(await findMembership(session.user.id, params.merchantId))) throw notFound("That merchant");
    const input = confirmInput.parse(await req.json().catch(() => ({})));
    return json(await confirmRedemption(session.user.id, params.merchantId, input, metaFromHeaders(req.headers)));
  },
);
