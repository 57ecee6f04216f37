"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { claimInput, fileClaim } from "@/lib/charging";

export const fileClaimAction = action({
  permission: "driver:use",
  input: claimInput,
  run: async (input, { actor, meta }) => {
    const claim = await fileClaim(actor, input, meta);
    revalidatePath("/app/sessions");
    return { claimId: claim.id };
  },
});
