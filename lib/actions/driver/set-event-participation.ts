"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { eventIdInput, setEventParticipation } from "@/lib/energy-events";

/** The event card's Opt in / Opt out (only before the window opens). */
export const setEventParticipationAction = action({
  permission: "driver:use",
  input: z.object({
    eventId: eventIdInput,
    choice: z.enum(["in", "out"], { message: "Choose opt in or opt out." }),
  }),
  run: async ({ eventId, choice }, { actor }) => {
    const result = await setEventParticipation(actor, eventId, choice === "in");
    revalidatePath("/app");
    return result;
  },
});
