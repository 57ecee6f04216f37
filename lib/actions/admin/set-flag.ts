"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { FLAGS, setFlag, type FlagKey } from "@/lib/flags";

const flagInput = z.object({
  key: z.enum(Object.keys(FLAGS) as [FlagKey, ...FlagKey[]]),
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const setFlagAction = action({
  permission: "admin:flags",
  input: flagInput,
  run: async ({ key, enabled }, { actor, meta }) => {
    await setFlag(actor, key, enabled, meta);
    revalidatePath("/admin/flags");
    return { key, enabled };
  },
});
