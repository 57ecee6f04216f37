"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { pauseOffer, offerRefInput } from "@/lib/offers";

export const pauseOfferAction = action({
  permission: "merchant:operate",
  input: offerRefInput,
  run: async (input, { actor, meta }) => {
    const offer = await pauseOffer(actor, input, meta);
    revalidatePath("/merchant", "layout");
    return { id: offer.id };
  },
});
