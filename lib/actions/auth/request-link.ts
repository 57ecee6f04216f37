"use server";

import { action } from "@/lib/actions";
import { requestLinkInput, requestMagicLink } from "@/lib/auth";

export const requestLinkAction = action({
  permission: "public",
  input: requestLinkInput,
  run: async (input, { meta }) => {
    await requestMagicLink(input, meta);
    return { sentTo: input.email };
  },
});
