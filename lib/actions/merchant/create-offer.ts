"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/actions";
import { createOffer, createOfferInput } from "@/lib/offers";

// The merchant being worked on comes with the form; the domain call checks the owner's membership.
export const createOfferAction = action({
  permission: "merchant:operate",
  input: createOfferInput,
  run: async (input, { actor, meta }) => {
    await createOffer(actor, input, meta);
    revalidatePath("/merchant", "layout");
    redirect("/merchant/offers");
  },
});
