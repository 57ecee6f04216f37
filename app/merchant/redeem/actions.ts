"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import type { CurrentSession } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { currentMerchantId } from "@/lib/merchants";
import { confirmInput, confirmRedemption, directSpend, directSpendInput } from "@/lib/merchants/redemptions";

/** The merchant this member works at: every write below is scoped to it. */
async function merchantFor(session: CurrentSession): Promise<string> {
  const merchantId = await currentMerchantId(session);
  if (!merchantId) throw new AppError("no_merchant", "You are not a member of a merchant yet.");
  return merchantId;
}

export const confirmCodeAction = action({
  permission: "merchant:operate",
  input: confirmInput,
  run: async (input, { session, meta }) => {
    const confirmed = await confirmRedemption(session.user.id, await merchantFor(session), input, meta);
    revalidatePath("/merchant", "layout");
    return confirmed;
  },
});

export const directSpendAction = action({
  permission: "merchant:operate",
  input: directSpendInput,
  run: async (input, { session, meta }) => {
    const spent = await directSpend(session.user.id, await merchantFor(session), input, meta);
    // also re-renders this form with a fresh idempotency key for the next customer
    revalidatePath("/merchant", "layout");
    return { transactionId: spent.transactionId, amount: spent.amount, replayed: spent.replayed };
  },
});
