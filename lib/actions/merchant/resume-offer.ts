"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { resumeOffer, offerRefInput } from "@/lib/offers";

export const resumeOfferAction = action({
  permission: "merchant:operate",
  input: offerRefInput,
  run: async (input, { actor, meta }) => {
    const offer = await resumeOffer(actor, input, meta);
    revalidatePath("/merchant", "layout");
    return { id: offer.id };
  },
});
