import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseForPerson } from "@/lib/validation";
import { RULE_KEYS, RULES, isRuleKey, settingOf, type RuleSetting } from "./rules";

/** Every rule's setting in force: the stored row read through its schema, else the defaults. */
export async function loadRuleSettings(): Promise<RuleSetting[]> {
  const rows = await db().riskRuleSetting.findMany();
  const stored = new Map(rows.map((r) => [r.key, r]));
  return RULE_KEYS.map((key) => settingOf(key, stored.get(key)));
}

export const ruleSettingInput = z.object({
  key: z.string().min(1).max(40),
  enabled: z.enum(["on", "off"]),
  thresholds: z.string().max(2000).optional(),
});

/** An admin turns a rule on or off or changes its thresholds (validated by the rule's schema), audited. */
export async function updateRuleSetting(actor: Actor, input: z.infer<typeof ruleSettingInput>, meta: RequestMeta) {
  assertCan(actor, "admin:risk");
  if (!isRuleKey(input.key)) throw new AppError("not_found", "There is no such rule.");
  let raw: unknown = {};
  try {
    raw = input.thresholds ? JSON.parse(input.thresholds) : {};
  } catch {
    throw new AppError("invalid_input", 'Thresholds must be numbers, for example {"maxPerHour": 3}.');
  }
  const parsed = parseForPerson(RULES[input.key].thresholds.strict(), raw);
  if (!parsed.success)
    throw new AppError(
      "invalid_input",
      `Those thresholds do not fit this rule. ${parsed.error.issues.map((i) => `${i.path.join(".") || "Value"}: ${i.message}`).join(" ")}`,
    );
  const thresholds = { ...RULES[input.key].defaults, ...parsed.data } as Prisma.InputJsonObject;
  const enabled = input.enabled === "on";
  await db().$transaction(async (tx) => {
    const before = await tx.riskRuleSetting.findUnique({ where: { key: input.key } });
    await tx.riskRuleSetting.upsert({
      where: { key: input.key },
      create: { key: input.key, enabled, thresholds, updatedById: actor.userId },
      update: { enabled, thresholds, updatedById: actor.userId },
    });
    await recordAudit(
      {
        action: "risk.rule_changed",
        actorId: actor.userId,
        targetType: "risk_rule",
        targetId: input.key,
        metadata: {
          from: before ? { enabled: before.enabled, thresholds: before.thresholds } : "defaults",
          to: { enabled, thresholds },
        },
        ...meta,
      },
      tx,
    );
  });
  return settingOf(input.key, { enabled, thresholds });
}
