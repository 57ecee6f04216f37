"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { eventIdInput, settleEnergyEvent, settleSummary } from "@/lib/energy-events";

/** "Settle now": judges and pays the event's open participations once its window closed. */
export const settleEnergyEventAction = action({
  permission: "admin:campaigns",
  input: z.object({ eventId: eventIdInput }),
  run: async ({ eventId }, { actor, meta }) => {
    const counts = await settleEnergyEvent(actor, eventId, meta);
    revalidatePath(`/admin/events/${eventId}`);
    revalidatePath("/admin/events");
    return { counts, summary: settleSummary(counts) };
  },
});
