"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { setEmailNotifications } from "@/lib/notifications";

/** The account page's switch for email notices of campaigns and events. */
export const setEmailNoticesAction = action({
  permission: "account:manage",
  input: z.object({ email: z.enum(["on", "off"], { message: "Choose on or off." }) }),
  run: async ({ email }, { actor, meta }) => {
    const result = await setEmailNotifications(actor, email === "on", meta);
    revalidatePath("/app/account");
    return result;
  },
});
