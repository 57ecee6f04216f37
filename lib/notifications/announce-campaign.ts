import "server-only";
import { config } from "@/lib/config";
import { db, type Prisma } from "@/lib/db";
import { unsafeTellDrivers, type Told } from "./audience";

const NONE: Told = { told: 0, emailed: 0, failed: 0 };
const DAY = 86_400_000;

// Read from the stored definition (validated when it was written) without importing lib/campaigns,
// which calls this domain when a campaign launches.
type StoredDefinition = {
  name: string;
  trigger: string;
  conditions?: {
    hours?: { start: string; end: string };
    timeZone?: string;
    segment?: "any" | "new" | "lapsed";
    segmentDays?: number;
  };
  limits?: { startsAt?: string; endsAt?: string };
  effects: Array<{ kind: string; factor?: number; nova?: number; cents?: number }>;
};

const ON: Record<string, string> = {
  session_verified: "on verified charging sessions",
  first_charge: "on your first verified charge",
  purchase_verified: "on purchases at partner shops",
  redemption_confirmed: "when you redeem an offer",
  energy_event: "on energy events you take part in",
};

/** "Central Time": the hours a notice gives are the campaign's zone's wall clock. */
const zoneName = (zone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longGeneric" })
    .formatToParts(new Date())
    .find((p) => p.type === "timeZoneName")?.value ?? zone;

/** A shop's campaign says which shop pays it. */
const SHOP_ON: Record<string, (shop: string | null) => string | undefined> = {
  purchase_verified: (shop) => (shop ? `on purchases at ${shop}` : undefined),
  redemption_confirmed: (shop) => (shop ? `when you redeem an offer at ${shop}` : undefined),
};

function effectWords(e: StoredDefinition["effects"][number]) {
  if (e.kind === "multiplier") return `${e.factor}× Nova`;
  if (e.kind === "bonus_nova") return `+${(e.nova ?? 0).toLocaleString("en-US")} Nova`;
  if (e.kind === "cash_bonus") return `$${((e.cents ?? 0) / 100).toFixed(2)} cash`;
  return "an offer unlocked";
}

export function campaignPitch(d: StoredDefinition, shop: string | null, now = new Date()) {
  const zone = d.conditions?.timeZone ?? config().BUSINESS_TIME_ZONE;
  const hours = d.conditions?.hours ? `, ${d.conditions.hours.start}–${d.conditions.hours.end} ${zoneName(zone)}` : "";
  const pitch = `${d.effects.map(effectWords).join(" + ")} ${SHOP_ON[d.trigger]?.(shop) ?? ON[d.trigger] ?? ""}${hours}.`;
  // a campaign launched ahead of its start must not read as paying today
  const startsAt = d.limits?.startsAt ? new Date(d.limits.startsAt) : null;
  if (!startsAt || startsAt <= now) return pitch;
  const day = startsAt.toLocaleDateString("en-US", { timeZone: zone, month: "short", day: "numeric", year: "numeric" });
  return `From ${day}: ${pitch}`;
}

/** Who a campaign can pay: its segment and trigger decide (nobody already signed up earns a sign-up bonus). */
function audience(d: StoredDefinition, now: Date): Prisma.UserWhereInput | null {
  const days = (d.conditions?.segmentDays ?? 30) * DAY;
  const since = new Date(now.getTime() - days);
  if (d.trigger === "sign_up") return null;
  const where: Prisma.UserWhereInput[] = [];
  if (d.trigger === "first_charge") where.push({ chargingSessions: { none: { status: "VERIFIED" } } });
  if (d.conditions?.segment === "new") where.push({ createdAt: { gte: since } });
  if (d.conditions?.segment === "lapsed")
    where.push(
      { chargingSessions: { some: { status: "VERIFIED", startedAt: { lt: since } } } },
      { chargingSessions: { none: { status: "VERIFIED", startedAt: { gte: since } } } },
    );
  return { AND: where };
}

/**
 * Tells the drivers a live campaign applies to (in the app, and by email to those who want it).
 * Safe to run again: each driver is told once per campaign.
 */
export async function announceCampaign(campaignId: string, now = new Date()): Promise<Told> {
  const c = await db().campaign.findUnique({
    where: { id: campaignId },
    select: { status: true, enabled: true, currentVersion: true, merchant: { select: { name: true } } },
  });
  if (!c || c.status !== "LIVE" || !c.enabled) return NONE;
  const version = await db().campaignVersion.findUnique({
    where: { campaignId_version: { campaignId, version: c.currentVersion } },
    select: { definition: true },
  });
  const d = version?.definition as unknown as StoredDefinition | undefined;
  if (!d || (d.limits?.endsAt && new Date(d.limits.endsAt) <= now)) return NONE;
  const who = audience(d, now);
  if (!who) return NONE;
  return unsafeTellDrivers(
    {
      kind: "campaign",
      subjectId: campaignId,
      title: d.name,
      body: campaignPitch(d, c.merchant?.name ?? null, now),
      link: "/app",
    },
    who,
  );
}
