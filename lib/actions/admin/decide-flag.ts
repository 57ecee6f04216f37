"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { decideFlag, decideFlagInput } from "@/lib/risk";

export const decideFlagAction = action({
  permission: "admin:risk",
  input: decideFlagInput,
  run: async (input, { actor, meta }) => {
    const result = await decideFlag(actor, input, meta);
    revalidatePath("/admin/risk");
    revalidatePath(`/admin/risk/${input.flagId}`);
    revalidatePath("/admin/drivers/[userId]", "page");
    return result;
  },
});
