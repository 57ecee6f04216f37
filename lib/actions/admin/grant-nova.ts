"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { grantInput, grantNova } from "@/lib/rewards";

export const grantNovaAction = action({
  permission: "admin:grant",
  input: grantInput,
  run: async (input, { actor, meta }) => {
    const posted = await grantNova(actor, input, meta);
    // re-renders the form with a fresh idempotency key for the next grant
    revalidatePath("/admin/grants");
    return { ...posted, driverId: input.driverId, amount: input.amount };
  },
});
