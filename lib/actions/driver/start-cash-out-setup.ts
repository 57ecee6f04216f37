"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { startCashOutSetup } from "@/lib/payouts";

export const startCashOutSetupAction = action({
  permission: "driver:use",
  input: z.object({}),
  run: async (_input, { actor, meta }) => {
    const { url } = await startCashOutSetup(actor, meta);
    // Stripe's hosted onboarding (or the sandbox twin's page): a fresh single-use link every time
    redirect(url);
  },
});
