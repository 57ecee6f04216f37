"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { refreshTelemetry } from "@/lib/vehicles";

export const refreshVehicleAction = action({
  permission: "driver:use",
  input: z.object({ vehicleId: z.string().min(1).max(64) }),
  run: async ({ vehicleId }, { actor }) => {
    const state = await refreshTelemetry(actor, vehicleId);
    revalidatePath("/app/car");
    return { stale: state.stale, note: state.note ?? null };
  },
});
