"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { checkOut } from "@/lib/charging";

export const checkOutAction = action({
  permission: "driver:use",
  input: z.object({ sessionId: z.string().min(1).max(64) }),
  run: async ({ sessionId }, { actor, meta }) => {
    const outcome = await checkOut(actor, sessionId, meta);
    revalidatePath("/app/charge");
    revalidatePath("/app/wallet");
    return outcome;
  },
});
