"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { holdCashOuts, holdInput } from "@/lib/risk";

export const holdCashOutsAction = action({
  permission: "admin:risk",
  input: holdInput,
  run: async (input, { actor, meta }) => {
    const result = await holdCashOuts(actor, input, meta);
    revalidatePath(`/admin/drivers/${input.userId}`);
    revalidatePath("/admin/risk");
    return result;
  },
});
