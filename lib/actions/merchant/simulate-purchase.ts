"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { merchantIdInput } from "@/lib/merchants";
import { simulateSquarePurchase } from "@/lib/square";

const input = z.object({
  merchantId: merchantIdInput,
  amount: z
    .string()
    .trim()
    .regex(/^\$?\d{1,4}(\.\d{1,2})?$/, "Enter an amount like 12.40.")
    .transform((v) => Math.round(Number(v.replace("$", "")) * 100))
    .pipe(z.number().int().min(1, "Enter an amount above $0.").max(100_000, "Enter at most $1,000.")),
  phone: z
    .string()
    .trim()
    .max(32, "Enter a phone number like +1 512 555 0142.")
    .optional()
    .transform((v) => v || undefined),
});

// Sandbox only: the domain call checks the membership and that the Square twin is in use.
export const simulatePurchaseAction = action({
  permission: "merchant:operate",
  input,
  run: async ({ merchantId, amount, phone }, { actor, meta }) =>
    simulateSquarePurchase(actor, merchantId, { totalCents: amount, phone }, meta),
});
