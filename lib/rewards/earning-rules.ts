export type EarningRules = {
  novaPerKwh: number;
  partnerBonusNova: number;
  minimumNova: number;
  verifyRewardCents: number;
  dailyCapNova: number;
};
export type RewardLine = { label: string; nova: number };
export type SessionRewardInput = {
  kwhDelivered: number | null;
  batteryGained: number | null;
  batteryCapacityKwh?: number;
  isPartnerCharger: boolean;
  earnedTodayNova: number;
};
export type SessionReward = { nova: number; cents: number; capped: boolean; lines: RewardLine[]; reason: string };
export type PurchaseRewardInput = {
  purchaseVerified: boolean;
  duringVerifiedSession: boolean;
  merchantIsPartner: boolean;
};

/** Used to estimate kWh from battery percent when the car doesn't say its capacity: a mid-size EV pack. */
const DEFAULT_BATTERY_KWH = 60;

export function rulesFromConfig(env: {
  VERIFY_REWARD_CENTS: number;
  DRIVER_DAILY_EARN_CAP_NOVA: number;
}): EarningRules {
  return {
    novaPerKwh: 10,
    partnerBonusNova: 50,
    minimumNova: 25,
    verifyRewardCents: env.VERIFY_REWARD_CENTS,
    dailyCapNova: env.DRIVER_DAILY_EARN_CAP_NOVA,
  };
}

const known = (n: number | null | undefined): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0;
const oneDecimal = (n: number) => String(Number(n.toFixed(1)));
const count = (n: number) => n.toLocaleString("en-US");

/**
 * Nova for one verified session: max(minimum, floor(kWh × rate)) + partner bonus, cut so today's total stays within
 * the daily cap. The lines always sum to `nova`. The cash reward is paid per verified session and not capped.
 */
export function computeSessionReward(input: SessionRewardInput, rules: EarningRules): SessionReward {
  const capacity =
    known(input.batteryCapacityKwh) && input.batteryCapacityKwh > 0 ? input.batteryCapacityKwh : DEFAULT_BATTERY_KWH;
  const measured = known(input.kwhDelivered);
  const kwh = measured
    ? input.kwhDelivered
    : known(input.batteryGained)
      ? (input.batteryGained * capacity) / 100
      : null;
  const lines: RewardLine[] = [];
  let energy: string;
  if (kwh === null) {
    lines.push({ label: "Verified session (energy not reported): minimum", nova: rules.minimumNova });
    energy = `energy not reported, minimum ${count(rules.minimumNova)} Nova`;
  } else {
    const amount = measured
      ? `${oneDecimal(kwh)} kWh`
      : `about ${oneDecimal(kwh)} kWh (${oneDecimal(input.batteryGained ?? 0)}% of a ${oneDecimal(capacity)} kWh battery)`;
    // Round away float noise first (0.29 × 100 = 28.999…), then floor to whole Nova.
    const perKwh = Math.floor(Math.round(kwh * rules.novaPerKwh * 1e6) / 1e6);
    if (perKwh >= rules.minimumNova) {
      lines.push({ label: `${amount} × ${rules.novaPerKwh}`, nova: perKwh });
      energy = `${amount} × ${rules.novaPerKwh}`;
    } else {
      lines.push({ label: `${amount}: minimum for a verified session`, nova: rules.minimumNova });
      energy = `${amount}, minimum ${count(rules.minimumNova)} Nova`;
    }
  }
  if (input.isPartnerCharger && rules.partnerBonusNova > 0) {
    lines.push({ label: "Partner charger bonus", nova: rules.partnerBonusNova });
    energy += ` + ${count(rules.partnerBonusNova)} partner bonus`;
  }

  const earned = lines.reduce((sum, line) => sum + line.nova, 0);
  const room = Math.max(0, Math.floor(rules.dailyCapNova - Math.max(0, input.earnedTodayNova)));
  const nova = Math.min(earned, room);
  const capped = nova < earned;
  const cap = `${count(rules.dailyCapNova)} Nova`;
  if (capped) lines.push({ label: `Daily earning limit of ${cap}`, nova: nova - earned });
  const capNote = !capped
    ? ""
    : nova === 0
      ? `; no Nova today: you reached your daily limit of ${cap}`
      : `; ${count(nova)} Nova after your daily limit of ${cap}`;
  const where = input.isPartnerCharger ? "Charging at a partner charger" : "Charging";
  return { nova, cents: Math.max(0, rules.verifyRewardCents), capped, lines, reason: `${where}: ${energy}${capNote}` };
}

/** Cash for a purchase: the flat amount only for a verified purchase at a partner merchant during a verified session. */
export function computePurchaseReward(
  input: PurchaseRewardInput,
  flatCents: number,
): { cents: number; reason: string } {
  if (!input.purchaseVerified) return { cents: 0, reason: "We couldn't verify this purchase, so it didn't earn cash." };
  if (!input.merchantIsPartner)
    return { cents: 0, reason: "This merchant isn't a Nerava partner, so purchases here don't earn cash." };
  if (!input.duringVerifiedSession) {
    return { cents: 0, reason: "Purchases earn cash only while you have a verified charging session." };
  }
  return {
    cents: Math.max(0, Math.floor(flatCents)),
    reason: "Purchase at a partner merchant during your verified charging session.",
  };
}
