"use server";

import { action } from "@/lib/actions";
import { consumeLinkInput, consumeMagicLink } from "@/lib/auth";
import { finishSignIn } from "./finish-sign-in";

export const consumeLinkAction = action({
  permission: "public",
  input: consumeLinkInput,
  run: async (input, { meta }) => finishSignIn(await consumeMagicLink(input, meta)),
});
