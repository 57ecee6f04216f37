import { route } from "@/lib/http";
import { mintSpendToken } from "@/lib/merchants";

export const dynamic = "force-dynamic";

/** A fresh spend code for the signed-in driver's own wallet; the body is ignored. */
export const POST = route({ name: "/api/wallet/spend-token", permission: "driver:use" }, async ({ actor }) => {
  const token = await mintSpendToken(actor);
  return {
    code: token.display,
    qrValue: token.qrValue,
    issuedAt: token.issuedAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    serverNow: Date.now(),
  };
});
