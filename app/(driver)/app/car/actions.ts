"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { actorOf } from "@/lib/auth";
import { disconnectVehicle, refreshTelemetry } from "@/lib/vehicles";

export const disconnectVehicleAction = action({
  permission: "driver:use",
  input: z.object({ vehicleId: z.string().min(1).max(64) }),
  run: async ({ vehicleId }, { session, meta }) => {
    await disconnectVehicle(actorOf(session), vehicleId, meta);
    revalidatePath("/app/car");
    return { disconnected: vehicleId };
  },
});

export const refreshVehicleAction = action({
  permission: "driver:use",
  input: z.object({ vehicleId: z.string().min(1).max(64) }),
  run: async ({ vehicleId }, { session }) => {
    const state = await refreshTelemetry(actorOf(session), vehicleId);
    revalidatePath("/app/car");
    return { stale: state.stale, note: state.note ?? null };
  },
});
