"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { markNotificationsRead } from "@/lib/notifications";

/** Opening the notices page marks them read (the driver's own only). */
export const markNoticesReadAction = action({
  permission: "driver:use",
  input: z.object({}),
  run: async (_input, { actor }) => {
    const result = await markNotificationsRead(actor);
    revalidatePath("/app", "layout");
    return result;
  },
});
