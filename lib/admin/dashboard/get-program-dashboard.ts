import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { listActivityDays, type ActivityDay } from "./activity-days";
import { listMoneyDays, type MoneyDay } from "./money-days";
import { parseDashboardRange, type DashboardRange } from "./range";
import { listTopMerchants, type TopMerchant } from "./top-merchants";
import { dashboardWindow } from "./window";

export type DashboardDay = MoneyDay & ActivityDay;

export type ProgramDashboard = {
  range: DashboardRange & { timeZone: string };
  totals: {
    novaIssued: number;
    novaRedeemed: number;
    novaExpired: number;
    /** Drivers' Nova as the range ends. */
    novaOutstanding: number;
    cashRewardCents: number;
    cashOutCents: number;
    /** Drivers' cash as the range ends (the float), and what was funded and paid out up to then. */
    owedToDriversCents: number;
    fundedCents: number;
    paidOutCents: number;
    endedSessions: number;
    verifiedSessions: number;
    /** Verified ÷ ended sessions in the range; null when none ended. */
    verifiedRate: number | null;
    activeDrivers: number;
    activeMerchants: number;
  };
  days: DashboardDay[];
  topMerchants: TopMerchant[];
};

const sum = (days: DashboardDay[], key: keyof Omit<DashboardDay, "day">) => days.reduce((t, d) => t + d[key], 0);

/** Admin-only: the program's money and activity over a range of business days (see lib/admin/dashboard). */
export async function getProgramDashboard(actor: Actor, search: Record<string, unknown>): Promise<ProgramDashboard> {
  assertCan(actor, "admin:view");
  const range = parseDashboardRange(search);
  const w = dashboardWindow(range);
  const [money, activity, topMerchants] = await Promise.all([
    listMoneyDays(w),
    listActivityDays(w),
    listTopMerchants(w),
  ]);
  const days = money.map((m, i) => ({ ...m, ...activity.days[i] }));
  const last = days[days.length - 1];
  const ended = sum(days, "endedSessions");
  const verified = sum(days, "verifiedSessions");
  return {
    range: { ...range, timeZone: w.timeZone },
    totals: {
      novaIssued: sum(days, "novaIssued"),
      novaRedeemed: sum(days, "novaRedeemed"),
      novaExpired: sum(days, "novaExpired"),
      novaOutstanding: last?.novaOutstanding ?? 0,
      cashRewardCents: sum(days, "cashRewardCents"),
      cashOutCents: sum(days, "cashOutCents"),
      owedToDriversCents: last?.owedToDriversCents ?? 0,
      fundedCents: last?.fundedCents ?? 0,
      paidOutCents: last?.paidOutCents ?? 0,
      endedSessions: ended,
      verifiedSessions: verified,
      verifiedRate: ended > 0 ? verified / ended : null,
      ...activity.totals,
    },
    days,
    topMerchants,
  };
}
