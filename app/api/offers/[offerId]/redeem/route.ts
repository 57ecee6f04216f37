import { z } from "zod";
import { actorOf, assertSameOrigin, authorize, metaFromHeaders, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { formatCode, redeemOffer } from "@/lib/merchants/redemptions";

export const dynamic = "force-dynamic";

const body = z.object({ idempotencyKey: z.string().min(16).max(100) });

export const POST = route<{ offerId: string }>("/api/offers/[offerId]/redeem", async (req, { params }) => {
  const session = authorize(await sessionFromRequest(req), "driver:use");
  assertSameOrigin(req.headers);
  const { idempotencyKey } = body.parse(await req.json().catch(() => ({})));
  const code = await redeemOffer(
    actorOf(session),
    { offerId: params.offerId, idempotencyKey },
    metaFromHeaders(req.headers),
  );
  return json({ id: code.id, code: formatCode(code.code), nova: code.novaAmount, expiresAt: code.expiresAt }, 201);
});
