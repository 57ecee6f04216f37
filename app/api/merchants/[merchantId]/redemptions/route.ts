import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";
import { findMembership } from "@/lib/merchants";
import { confirmInput, confirmRedemption } from "@/lib/merchants/redemptions";

export const dynamic = "force-dynamic";

/** Confirms a code at the counter (JSON twin of the merchant's redeem form). */
export const POST = route(
  { name: "/api/merchants/[merchantId]/redemptions", permission: "merchant:operate", body: confirmInput },
  async ({ session, params, body, meta }) => {
    if (!(await findMembership(session.user.id, params.merchantId))) throw notFound("That merchant");
    return confirmRedemption(session.user.id, params.merchantId, body, meta);
  },
);
