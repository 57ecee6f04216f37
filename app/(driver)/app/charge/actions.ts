"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { actorOf } from "@/lib/auth";
import { checkIn, checkInInput, checkOut, claimInput, fileClaim } from "@/lib/charging";

export const checkInAction = action({
  permission: "driver:use",
  input: checkInInput,
  run: async (input, { session, meta }) => {
    const started = await checkIn(actorOf(session), input, meta);
    revalidatePath("/app/charge");
    return { sessionId: started.id };
  },
});

export const checkOutAction = action({
  permission: "driver:use",
  input: z.object({ sessionId: z.string().min(1).max(64) }),
  run: async ({ sessionId }, { session, meta }) => {
    const outcome = await checkOut(actorOf(session), sessionId, meta);
    revalidatePath("/app/charge");
    revalidatePath("/app/wallet");
    return outcome;
  },
});

export const fileClaimAction = action({
  permission: "driver:use",
  input: claimInput,
  run: async (input, { session, meta }) => {
    const claim = await fileClaim(actorOf(session), input, meta);
    revalidatePath("/app/sessions");
    return { claimId: claim.id };
  },
});
