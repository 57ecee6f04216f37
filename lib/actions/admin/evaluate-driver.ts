"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { evaluateDriverNow, evaluateNowInput } from "@/lib/risk";

export const evaluateDriverAction = action({
  permission: "admin:risk",
  input: evaluateNowInput,
  run: async (input, { actor, meta }) => {
    const result = await evaluateDriverNow(actor, input, meta);
    revalidatePath(`/admin/drivers/${input.userId}`);
    revalidatePath("/admin/risk");
    return result;
  },
});
