"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { holdInput, releaseHold } from "@/lib/risk";

export const releaseHoldAction = action({
  permission: "admin:risk",
  input: holdInput,
  run: async (input, { actor, meta }) => {
    const result = await releaseHold(actor, input, meta);
    revalidatePath(`/admin/drivers/${input.userId}`);
    revalidatePath("/admin/risk");
    return result;
  },
});
