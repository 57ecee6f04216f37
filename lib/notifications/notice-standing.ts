import "server-only";
import { db } from "@/lib/db";

// A notice is written once, when its campaign or event was news; what it promised can stop being
// true (a campaign paused, switched off, ended or out of budget; an event cancelled, under way or
// over). The notice stays, as a record of what the driver was told, but it is shown with where its
// subject stands now, so no driver reads a live promise of a bonus that no longer pays.

export type NoticeStanding = { label: "Paused" | "Ended" | "Cancelled" | "Started" | "Over"; note: string };

type NoticeRef = { id: string; kind: string; subjectId: string };

// the stored definition's parts this reads (validated when it was written; lib/campaigns calls this domain)
type Terms = {
  limits?: { endsAt?: string; budgetNova?: number; budgetCents?: number };
  effects?: { kind: string }[];
};

const CAMPAIGN = {
  paused: { label: "Paused", note: "This campaign is paused: it pays nothing for now." },
  ended: { label: "Ended", note: "This campaign has ended: it no longer pays." },
  spent: { label: "Ended", note: "This campaign's budget is used up: it no longer pays." },
} as const satisfies Record<string, NoticeStanding>;

async function campaignStandings(ids: string[], now: Date) {
  const rows = await db().campaign.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      enabled: true,
      spentNova: true,
      spentCents: true,
      // the current version is the latest (a revision always adds one on top)
      versions: { orderBy: { version: "desc" }, take: 1, select: { definition: true } },
    },
  });
  const out = new Map<string, NoticeStanding>();
  for (const c of rows) {
    const terms = (c.versions[0]?.definition ?? {}) as Terms;
    const ends = terms.limits?.endsAt ? new Date(terms.limits.endsAt) : null;
    if (c.status === "ENDED" || (ends && ends <= now)) out.set(c.id, CAMPAIGN.ended);
    else if (c.status !== "LIVE" || !c.enabled) out.set(c.id, CAMPAIGN.paused);
    else if (budgetUsedUp(terms, c)) out.set(c.id, CAMPAIGN.spent);
  }
  return out;
}

/** Every effect it has is out of budget (an offer unlock has none, so it keeps paying). */
function budgetUsedUp(terms: Terms, spent: { spentNova: number; spentCents: number }) {
  const kinds = new Set((terms.effects ?? []).map((e) => e.kind));
  const nova = kinds.has("bonus_nova") || kinds.has("multiplier");
  const cash = kinds.has("cash_bonus");
  const { budgetNova, budgetCents } = terms.limits ?? {};
  const novaGone = !nova || (budgetNova !== undefined && spent.spentNova >= budgetNova);
  const cashGone = !cash || (budgetCents !== undefined && spent.spentCents >= budgetCents);
  return (nova || cash) && !kinds.has("unlock_offer") && novaGone && cashGone;
}

async function eventStandings(ids: string[], now: Date) {
  const rows = await db().energyEvent.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, startsAt: true, endsAt: true, budgetNova: true, spentNova: true },
  });
  const out = new Map<string, NoticeStanding>();
  for (const e of rows) {
    if (e.status === "CANCELLED")
      out.set(e.id, { label: "Cancelled", note: "This event was cancelled: it pays nothing." });
    else if (e.endsAt <= now)
      out.set(e.id, { label: "Over", note: "This event is over. If you took part, your result has its own notice." });
    else if (e.budgetNova !== null && e.spentNova >= e.budgetNova)
      out.set(e.id, { label: "Ended", note: "This event's budget is used up: it pays nothing more." });
    else if (e.startsAt <= now)
      out.set(e.id, { label: "Started", note: "This event is under way: opting in has closed." });
  }
  return out;
}

/**
 * Where each campaign and energy-event notice's subject stands now, by notice id: absent while
 * its promise still holds. Results (event_result) are facts, not promises, and have none.
 */
export async function noticeStandings(notices: NoticeRef[], now = new Date()): Promise<Map<string, NoticeStanding>> {
  const ids = (kind: string) => [...new Set(notices.filter((n) => n.kind === kind).map((n) => n.subjectId))];
  const [campaigns, events] = await Promise.all([
    campaignStandings(ids("campaign"), now),
    eventStandings(ids("energy_event"), now),
  ]);
  const out = new Map<string, NoticeStanding>();
  for (const n of notices) {
    const standing =
      n.kind === "campaign"
        ? campaigns.get(n.subjectId)
        : n.kind === "energy_event"
          ? events.get(n.subjectId)
          : undefined;
    if (standing) out.set(n.id, standing);
  }
  return out;
}
