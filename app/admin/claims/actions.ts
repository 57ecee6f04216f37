"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { actorOf } from "@/lib/auth";
import { decideClaim, decideInput } from "@/lib/charging";

export const decideClaimAction = action({
  permission: "admin:manage-claims",
  input: decideInput,
  run: async (input, { session, meta }) => {
    const result = await decideClaim(actorOf(session), input, meta);
    revalidatePath("/admin/claims");
    return result;
  },
});
