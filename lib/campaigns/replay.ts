import { campaignDay, evaluateCampaign, type DriverFacts, type LiveCampaign, type TriggerEvent } from "./evaluate";

// The simulator's engine: past triggers, in time order, through the same evaluateCampaign the payer
// calls, with the usage the payer would have read under its lock (this driver's awards overall and
// on the trigger's local day, the budget spent) accumulated as the replay goes.

export type DriverEarnings = { driverId: string; awards: number; nova: number; cents: number };
export type Replay = {
  triggers: number;
  awards: number;
  nova: number;
  cents: number;
  drivers: DriverEarnings[];
  /** When a budget ran out (the trigger that spent its last Nova or cent); null if it never did. */
  exhaustedAt: Date | null;
  refusals: { reason: string; count: number }[];
};

const byTime = (a: TriggerEvent, b: TriggerEvent) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function replayCampaign(
  campaign: LiveCampaign,
  events: readonly TriggerEvent[],
  factsOf: (event: TriggerEvent) => DriverFacts,
  businessZone: string,
): Replay {
  const { budgetNova, budgetCents } = campaign.definition.limits;
  const drivers = new Map<string, DriverEarnings>();
  const perDay = new Map<string, number>();
  const refusals = new Map<string, number>();
  let [awards, nova, cents] = [0, 0, 0];
  let exhaustedAt: Date | null = null;
  const ordered = [...events].sort(byTime);
  for (const event of ordered) {
    const mine = drivers.get(event.driverId) ?? { driverId: event.driverId, awards: 0, nova: 0, cents: 0 };
    const dayKey = `${event.driverId}|${campaignDay(campaign, event.occurredAt, businessZone)}`;
    const usage = {
      driverAwards: mine.awards,
      driverAwardsToday: perDay.get(dayKey) ?? 0,
      novaSpent: nova,
      centsSpent: cents,
    };
    const decision = evaluateCampaign(campaign, event, factsOf(event), usage, businessZone);
    if (!decision.applies) {
      refusals.set(decision.reason, (refusals.get(decision.reason) ?? 0) + 1);
      continue;
    }
    const award = decision.award;
    drivers.set(event.driverId, {
      ...mine,
      awards: mine.awards + 1,
      nova: mine.nova + award.nova,
      cents: mine.cents + award.cents,
    });
    perDay.set(dayKey, usage.driverAwardsToday + 1);
    awards += 1;
    nova += award.nova;
    cents += award.cents;
    const spent =
      (budgetNova !== undefined && nova >= budgetNova) || (budgetCents !== undefined && cents >= budgetCents);
    if (spent && !exhaustedAt) exhaustedAt = event.occurredAt;
  }
  return {
    triggers: ordered.length,
    awards,
    nova,
    cents,
    drivers: [...drivers.values()].sort((a, b) => b.nova - a.nova || b.cents - a.cents || b.awards - a.awards),
    exhaustedAt,
    refusals: [...refusals].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}
