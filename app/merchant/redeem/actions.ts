"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { actorOf } from "@/lib/auth";
import { confirmInput, confirmRedemption, directSpend, directSpendInput } from "@/lib/merchants/redemptions";

// The merchant being worked on comes with the form; the domain call checks the membership.
const merchantId = z.string().min(1).max(64);

export const confirmCodeAction = action({
  permission: "merchant:operate",
  input: confirmInput.extend({ merchantId }),
  run: async ({ merchantId, ...input }, { session, meta }) => {
    const confirmed = await confirmRedemption(actorOf(session), merchantId, input, meta);
    revalidatePath("/merchant", "layout");
    return confirmed;
  },
});

export const directSpendAction = action({
  permission: "merchant:operate",
  input: directSpendInput.extend({ merchantId }),
  run: async ({ merchantId, ...input }, { session, meta }) => {
    const spent = await directSpend(actorOf(session), merchantId, input, meta);
    // also re-renders this form with a fresh idempotency key for the next customer
    revalidatePath("/merchant", "layout");
    return { transactionId: spent.transactionId, amount: spent.amount, replayed: spent.replayed };
  },
});
