"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { releaseRedemption } from "@/lib/merchants/redemptions";

export const cancelCodeAction = action({
  permission: "driver:use",
  input: z.object({ codeId: z.string().min(1).max(64) }),
  run: async ({ codeId }, { session }) => {
    // scoped by driver in the conditional update: another driver's code id releases nothing
    const released = await releaseRedemption({ codeId, expired: false, driverId: session.user.id });
    if (!released)
      throw new AppError(
        "not_cancellable",
        "This code can no longer be cancelled: it was already used, cancelled or has expired.",
      );
    revalidatePath("/app", "layout");
    return { codeId };
  },
});
