import "server-only";
import { z } from "zod";
import type { RequestMeta } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import { changeMerchantStatus, merchantReason } from "../admin/change-status";

// The review of a pending merchant: the approve and reject transitions, each with a reason.
export const approveMerchantInput = z.object({ merchantId: z.string().min(1).max(64), reason: merchantReason });
export const rejectMerchantInput = z.object({
  merchantId: z.string().min(1).max(64),
  reason: merchantReason.min(5, "Tell the business why, in a sentence they can act on."),
});

export const approveMerchant = (actor: Actor, input: z.infer<typeof approveMerchantInput>, meta: RequestMeta) =>
  changeMerchantStatus(actor, { ...input, transition: "approve" }, meta);

export const rejectMerchant = (actor: Actor, input: z.infer<typeof rejectMerchantInput>, meta: RequestMeta) =>
  changeMerchantStatus(actor, { ...input, transition: "reject" }, meta);
