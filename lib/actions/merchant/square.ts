"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { disconnectSquare, startSquareConnect } from "@/lib/square";

const merchantInput = z.object({ merchantId: z.string().min(1).max(64) });

// Owners only: the domain calls refuse staff (403) and other merchants (404) themselves.
export const connectSquareAction = action({
  permission: "merchant:operate",
  input: merchantInput,
  run: async ({ merchantId }, { actor }) => {
    // Square's consent page (or the sandbox twin's) with a fresh state bound to this owner and merchant
    redirect(await startSquareConnect(actor, merchantId));
  },
});

export const disconnectSquareAction = action({
  permission: "merchant:operate",
  input: merchantInput,
  run: async ({ merchantId }, { actor, meta }) => {
    await disconnectSquare(actor, merchantId, meta);
    revalidatePath("/merchant", "layout");
    return { disconnected: true };
  },
});
