"use server";

import { action } from "@/lib/actions";
import { requestPasswordReset, requestResetInput } from "@/lib/auth";

export const requestResetAction = action({
  permission: "public",
  input: requestResetInput,
  run: async (input, { meta }) => {
    await requestPasswordReset(input, meta);
    return { sentTo: input.email };
  },
});
