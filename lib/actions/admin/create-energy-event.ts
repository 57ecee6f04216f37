"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { createEnergyEvent, energyEventInput } from "@/lib/energy-events";

export const createEnergyEventAction = action({
  permission: "admin:campaigns",
  input: energyEventInput,
  run: async (input, { actor, meta }) => {
    const event = await createEnergyEvent(actor, input, meta);
    revalidatePath("/admin/events");
    return { id: event.id, name: event.name };
  },
});
