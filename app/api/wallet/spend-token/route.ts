import { assertSameOrigin, authorize, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { mintSpendToken } from "@/lib/merchants/redemptions";

export const dynamic = "force-dynamic";

/** A fresh spend code for the signed-in driver's own wallet; the body is ignored. */
export const POST = route("/api/wallet/spend-token", async (req) => {
  const session = authorize(await sessionFromRequest(req), "driver:use");
  assertSameOrigin(req.headers);
  const token = await mintSpendToken(session.user.id);
  return json({
    code: token.display,
    qrValue: token.qrValue,
    issuedAt: token.issuedAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    serverNow: Date.now(),
  });
});
