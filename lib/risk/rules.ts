import { z } from "zod";

const count = (max: number) => z.coerce.number().int().min(1).max(max);

/**
 * Every abuse rule, its words for the console and its thresholds: defaults here in code, an
 * admin's settings (RiskRuleSetting rows, validated by the same schemas) override them.
 */
export const RULES = {
  shared_phone: {
    label: "Shared phone number",
    description: "Another account has the same phone number once formatting is removed.",
    thresholds: z.object({}),
    defaults: {},
  },
  shared_ip: {
    label: "Shared network address",
    description: "Several driver accounts signed in from one IP address within the window.",
    thresholds: z.object({ minAccounts: count(50), windowDays: count(90) }),
    defaults: { minAccounts: 3, windowDays: 30 },
  },
  email_alias: {
    label: "Email alias",
    description: "Another account uses the same mailbox (Gmail dots, or a +tag on any provider).",
    thresholds: z.object({}),
    defaults: {},
  },
  disposable_email: {
    label: "Disposable email",
    description: "The email address is at a throwaway mailbox provider.",
    thresholds: z.object({}),
    defaults: {},
  },
  session_burst: {
    label: "Charging sessions burst",
    description: "More charging sessions started within one hour than the limit.",
    thresholds: z.object({ maxPerHour: count(100) }),
    defaults: { maxPerHour: 3 },
  },
  redemption_burst: {
    label: "Redemptions burst",
    description: "More redemption codes taken within one hour than the limit.",
    thresholds: z.object({ maxPerHour: count(100) }),
    defaults: { maxPerHour: 5 },
  },
  gps_teleport: {
    label: "GPS teleport",
    description: "Two consecutive location pings imply a speed no car reaches.",
    thresholds: z.object({ maxSpeedKmh: count(5000) }),
    defaults: { maxSpeedKmh: 300 },
  },
  gps_accuracy: {
    label: "GPS accuracy anomaly",
    description: "Location pings claim impossible accuracy (zero or less) or are far too vague.",
    thresholds: z.object({ maxAccuracyMeters: count(100_000), minBadPings: count(100) }),
    defaults: { maxAccuracyMeters: 1000, minBadPings: 3 },
  },
  claims_rate: {
    label: "Many claims",
    description: "More missing-reward claims within the window than the limit.",
    thresholds: z.object({ maxClaims: count(100), windowDays: count(90) }),
    defaults: { maxClaims: 3, windowDays: 7 },
  },
  earn_then_cash_out: {
    label: "Earn then cash out",
    description: "A new account asked to cash out a sizeable sum within minutes of a reward becoming available.",
    thresholds: z.object({
      windowMinutes: count(1440),
      maxAccountAgeDays: count(365),
      minCashOutCents: count(1_000_000),
    }),
    // a first small cash-out (one charging reward) is what honest new drivers do; caps bound it
    defaults: { windowMinutes: 60, maxAccountAgeDays: 7, minCashOutCents: 1000 },
  },
  car_switch: {
    label: "Car switching drivers",
    description: "The same car was connected to more than one driver account within the window.",
    thresholds: z.object({ windowDays: count(365) }),
    defaults: { windowDays: 30 },
  },
} as const;

export type RuleKey = keyof typeof RULES;
export const RULE_KEYS = Object.keys(RULES) as RuleKey[];
export const isRuleKey = (k: string): k is RuleKey => Object.hasOwn(RULES, k);

/** The admin's manual hold is a flag too (so it holds and is lifted the same way); no detector raises it. */
export const MANUAL_HOLD = "manual_hold";

export const ruleLabel = (rule: string): string =>
  rule === MANUAL_HOLD ? "Manual hold" : isRuleKey(rule) ? RULES[rule].label : rule.replace(/_/g, " ");

export type RuleSetting = { key: RuleKey; enabled: boolean; thresholds: Record<string, number> };

/** A stored setting read through its rule's schema; anything unreadable falls back to the defaults. */
export function settingOf(key: RuleKey, stored?: { enabled: boolean; thresholds: unknown }): RuleSetting {
  const rule = RULES[key];
  const parsed = rule.thresholds.safeParse({ ...rule.defaults, ...(stored?.thresholds as object | undefined) });
  return {
    key,
    enabled: stored?.enabled ?? true,
    thresholds: (parsed.success ? parsed.data : rule.defaults) as Record<string, number>,
  };
}
