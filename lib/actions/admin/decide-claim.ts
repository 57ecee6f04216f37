"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { decideClaim, decideInput } from "@/lib/charging";

export const decideClaimAction = action({
  permission: "admin:manage-claims",
  input: decideInput,
  run: async (input, { actor, meta }) => {
    const result = await decideClaim(actor, input, meta);
    revalidatePath("/admin/claims");
    return result;
  },
});
