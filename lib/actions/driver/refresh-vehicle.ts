"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { notFound } from "@/lib/errors";
import { listDriverVehicles, refreshTelemetry } from "@/lib/vehicles";

export const refreshVehicleAction = action({
  permission: "driver:use",
  input: z.object({ vehicleId: z.string().min(1).max(64) }),
  run: async ({ vehicleId }, { session }) => {
    // scoped: only the driver's own car
    if (!(await listDriverVehicles(session.user.id)).some((v) => v.id === vehicleId)) throw notFound("That car");
    const state = await refreshTelemetry(vehicleId);
    revalidatePath("/app/car");
    return { stale: state.stale, note: state.note ?? null };
  },
});
