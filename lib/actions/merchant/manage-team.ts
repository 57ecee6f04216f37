"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import {
  inviteMember,
  inviteMemberInput,
  removeMember,
  removeMemberInput,
  revokeInvite,
  revokeInviteInput,
} from "@/lib/merchants";

// Owners only: each domain call refuses staff (403) and other merchants (404) itself.
export const inviteMemberAction = action({
  permission: "merchant:operate",
  input: inviteMemberInput,
  run: async (input, { actor, meta }) => {
    const invite = await inviteMember(actor, input, meta);
    revalidatePath("/merchant/team");
    return { email: invite.email };
  },
});

export const revokeInviteAction = action({
  permission: "merchant:operate",
  input: revokeInviteInput,
  run: async (input, { actor, meta }) => {
    await revokeInvite(actor, input, meta);
    revalidatePath("/merchant/team");
  },
});

export const removeMemberAction = action({
  permission: "merchant:operate",
  input: removeMemberInput,
  run: async (input, { actor, meta }) => {
    await removeMember(actor, input, meta);
    revalidatePath("/merchant/team");
  },
});
