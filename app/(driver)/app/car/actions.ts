"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { disconnectVehicle, refreshTelemetry } from "@/lib/vehicles";
import { listDriverVehicles } from "@/lib/vehicles";
import { notFound } from "@/lib/errors";

export const disconnectVehicleAction = action({
  permission: "driver:use",
  input: z.object({ vehicleId: z.string().min(1).max(64) }),
  run: async ({ vehicleId }, { session, meta }) => {
    await disconnectVehicle(session.user.id, vehicleId, meta);
    revalidatePath("/app/car");
    return { disconnected: vehicleId };
  },
});

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
