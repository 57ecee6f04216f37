"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { cancelCode } from "@/lib/merchants";

export const cancelCodeAction = action({
  permission: "driver:use",
  input: z.object({ codeId: z.string().min(1).max(64) }),
  run: async ({ codeId }, { actor }) => {
    await cancelCode(actor, codeId);
    revalidatePath("/app", "layout");
    return { codeId };
  },
});
