"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { endOffer, offerRefInput } from "@/lib/offers";

export const endOfferAction = action({
  permission: "merchant:operate",
  input: offerRefInput,
  run: async (input, { actor, meta }) => {
    const offer = await endOffer(actor, input, meta);
    revalidatePath("/merchant", "layout");
    return { id: offer.id };
  },
});
