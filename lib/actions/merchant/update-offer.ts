"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/actions";
import { updateOffer, updateOfferInput } from "@/lib/offers";

export const updateOfferAction = action({
  permission: "merchant:operate",
  input: updateOfferInput,
  run: async (input, { actor, meta }) => {
    await updateOffer(actor, input, meta);
    revalidatePath("/merchant", "layout");
    redirect("/merchant/offers");
  },
});
