"use server";

import { z } from "zod";
import { action } from "@/lib/actions";
import { answerPurchase } from "@/lib/purchases";

/** "Was this your $12.40 at …?" — Yes / Not mine, from the driver's home. */
export const answerPurchaseAction = action({
  permission: "driver:use",
  input: z.object({
    rewardId: z.string().min(1).max(64),
    answer: z.enum(["yes", "no"], { message: "Choose Yes or Not mine." }),
  }),
  run: async ({ rewardId, answer }, { actor, meta }) => {
    // no revalidation: the card stays to say what became of the answer (the balances query is
    // refreshed by the card; the question is gone on the next visit)
    return answerPurchase(actor, { rewardId, answer: answer === "yes" }, meta);
  },
});
