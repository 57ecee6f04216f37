"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { ruleSettingInput, updateRuleSetting } from "@/lib/risk";

export const updateRiskRuleAction = action({
  permission: "admin:risk",
  input: ruleSettingInput,
  run: async (input, { actor, meta }) => {
    const result = await updateRuleSetting(actor, input, meta);
    revalidatePath("/admin/risk/rules");
    return result;
  },
});
