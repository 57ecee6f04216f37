"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { confirmInput, confirmRedemption } from "@/lib/merchants/redemptions";
import { merchantFor } from "./merchant-for";

export const confirmCodeAction = action({
  permission: "merchant:operate",
  input: confirmInput,
  run: async (input, { session, meta }) => {
    const confirmed = await confirmRedemption(session.user.id, await merchantFor(session), input, meta);
    revalidatePath("/merchant", "layout");
    return confirmed;
  },
});
