"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { confirmInput, confirmRedemption, merchantIdInput } from "@/lib/merchants";

// The merchant being worked on comes with the form; the domain call checks the membership.
export const confirmCodeAction = action({
  permission: "merchant:operate",
  input: confirmInput.extend({ merchantId: merchantIdInput }),
  run: async ({ merchantId, ...input }, { actor, meta }) => {
    const confirmed = await confirmRedemption(actor, merchantId, input, meta);
    revalidatePath("/merchant", "layout");
    return confirmed;
  },
});
