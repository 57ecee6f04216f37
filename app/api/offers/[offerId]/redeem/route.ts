import { z } from "zod";
import { json, route } from "@/lib/http";
import { formatCode, redeemOffer } from "@/lib/merchants";

export const dynamic = "force-dynamic";

const body = z.object({ idempotencyKey: z.string().min(16).max(100) });

export const POST = route(
  { name: "/api/offers/[offerId]/redeem", permission: "driver:use", body },
  async ({ actor, params, body, meta }) => {
    const code = await redeemOffer(actor, { offerId: params.offerId, idempotencyKey: body.idempotencyKey }, meta);
    return json({ id: code.id, code: formatCode(code.code), nova: code.novaAmount, expiresAt: code.expiresAt }, 201);
  },
);
