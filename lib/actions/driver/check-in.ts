"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { checkIn, checkInInput } from "@/lib/charging";

export const checkInAction = action({
  permission: "driver:use",
  input: checkInInput,
  run: async (input, { actor, meta }) => {
    const started = await checkIn(actor, input, meta);
    revalidatePath("/app/charge");
    return { sessionId: started.id };
  },
});
