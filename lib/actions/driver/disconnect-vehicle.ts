"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { disconnectVehicle } from "@/lib/vehicles";

export const disconnectVehicleAction = action({
  permission: "driver:use",
  input: z.object({ vehicleId: z.string().min(1).max(64) }),
  run: async ({ vehicleId }, { actor, meta }) => {
    await disconnectVehicle(actor, vehicleId, meta);
    revalidatePath("/app/car");
    return { disconnected: vehicleId };
  },
});
