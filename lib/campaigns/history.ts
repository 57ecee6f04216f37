import "server-only";
import { db } from "@/lib/db";
import type { Trigger } from "./definition";
import type { TriggerEvent } from "./evaluate";

// The past triggers of one kind, as the live payers built them when they called awardCampaignsInTx
// (same ids, times, places and base Nova), for the simulator to replay.

export type Window = { from: Date; to: Date };

/**
 * The Nova each session's release made available, counted as makeRewardAvailable counts the base
 * it hands its campaigns. The key is the one lib/rewards gives a release (session-reward.ts); a
 * session whose reward was never made available (held, forfeited) is left out, as the payer never ran.
 */
async function releasedBaseNova(sessionIds: string[]): Promise<Map<string, number>> {
  const key = (id: string) => `session:${id}:available`;
  const base = new Map<string, number>();
  for (let i = 0; i < sessionIds.length; i += 1_000) {
    const ids = sessionIds.slice(i, i + 1_000);
    const releases = await db().ledgerTransaction.findMany({
      where: { idempotencyKey: { in: ids.map(key) } },
      select: {
        idempotencyKey: true,
        entries: { select: { amount: true, account: { select: { ownerType: true, kind: true, currency: true } } } },
      },
    });
    for (const r of releases) {
      const nova = r.entries
        .filter(
          (e) => e.account.ownerType === "DRIVER" && e.account.kind === "AVAILABLE" && e.account.currency === "NOVA",
        )
        .reduce((n, e) => n + Number(e.amount), 0);
      base.set(r.idempotencyKey.slice("session:".length, -":available".length), nova);
    }
  }
  return base;
}

const sessionSelect = {
  id: true,
  driverId: true,
  chargerId: true,
  startedAt: true,
  kwhDelivered: true,
  charger: { select: { latitude: true, longitude: true, isPartner: true } },
} as const;

async function chargingEvents(trigger: "session_verified" | "first_charge", w: Window): Promise<TriggerEvent[]> {
  const inWindow = await db().chargingSession.findMany({
    where: { status: "VERIFIED", startedAt: { gte: w.from, lt: w.to } },
    select: sessionSelect,
  });
  // a first charge is the driver's earliest verified session ever (then its id is the driver's)
  const sessions =
    trigger === "session_verified"
      ? inWindow
      : await db().chargingSession.findMany({
          where: { status: "VERIFIED", driverId: { in: [...new Set(inWindow.map((s) => s.driverId))] } },
          orderBy: [{ driverId: "asc" }, { startedAt: "asc" }, { id: "asc" }],
          distinct: ["driverId"],
          select: sessionSelect,
        });
  const base = await releasedBaseNova(sessions.map((s) => s.id));
  return sessions
    .filter((s) => base.has(s.id) && s.startedAt >= w.from && s.startedAt < w.to)
    .map((s) => ({
      trigger,
      id: trigger === "first_charge" ? s.driverId : s.id,
      driverId: s.driverId,
      occurredAt: s.startedAt,
      place: { chargerId: s.chargerId, ...s.charger },
      kwh: s.kwhDelivered,
      baseNova: base.get(s.id)!,
    }));
}

async function purchaseEvents(w: Window, merchantId: string | null): Promise<TriggerEvent[]> {
  const rewards = await db().purchaseReward.findMany({
    where: {
      status: "AVAILABLE",
      driverId: { not: null },
      order: { orderedAt: { gte: w.from, lt: w.to } },
      ...(merchantId ? { merchantId } : {}),
    },
    select: {
      driverId: true,
      merchantId: true,
      order: { select: { id: true, orderedAt: true } },
      merchant: { select: { latitude: true, longitude: true } },
    },
  });
  return rewards.map((r) => ({
    trigger: "purchase_verified" as const,
    id: r.order.id,
    driverId: r.driverId!,
    occurredAt: r.order.orderedAt,
    place: { merchantId: r.merchantId, ...r.merchant, isPartner: true },
  }));
}

async function redemptionEvents(w: Window, merchantId: string | null): Promise<TriggerEvent[]> {
  const codes = await db().redemptionCode.findMany({
    where: {
      status: "CONFIRMED",
      settledAt: { gte: w.from, lt: w.to },
      ...(merchantId ? { offer: { merchantId } } : {}),
    },
    select: {
      id: true,
      driverId: true,
      settledAt: true,
      offer: { select: { merchantId: true, merchant: { select: { latitude: true, longitude: true } } } },
    },
  });
  return codes.map((c) => ({
    trigger: "redemption_confirmed" as const,
    id: c.id,
    driverId: c.driverId,
    occurredAt: c.settledAt!,
    place: { merchantId: c.offer.merchantId, ...c.offer.merchant, isPartner: true },
  }));
}

async function signUpEvents(w: Window): Promise<TriggerEvent[]> {
  const users = await db().user.findMany({
    where: { role: "DRIVER", createdAt: { gte: w.from, lt: w.to } },
    select: { id: true, createdAt: true },
  });
  return users.map((u) => ({ trigger: "sign_up" as const, id: u.id, driverId: u.id, occurredAt: u.createdAt }));
}

/** Energy events' paid results, as settle.ts hands them to the campaigns (occurring when the event starts). */
async function energyEventResults(w: Window): Promise<TriggerEvent[]> {
  const rows = await db().energyEventParticipation.findMany({
    where: { status: "EARNED", event: { startsAt: { gte: w.from, lt: w.to } } },
    select: { id: true, driverId: true, kwhInWindow: true, nova: true, event: { select: { startsAt: true } } },
  });
  return rows.map((p) => ({
    trigger: "energy_event" as const,
    id: p.id,
    driverId: p.driverId,
    occurredAt: p.event.startsAt,
    kwh: p.kwhInWindow,
    baseNova: p.nova,
  }));
}

/** The window's triggers of one kind; a shop's campaign sees only its own shop's purchases and redemptions. */
export function loadTriggerHistory(trigger: Trigger, w: Window, merchantId: string | null): Promise<TriggerEvent[]> {
  if (trigger === "session_verified" || trigger === "first_charge") return chargingEvents(trigger, w);
  if (trigger === "purchase_verified") return purchaseEvents(w, merchantId);
  if (trigger === "redemption_confirmed") return redemptionEvents(w, merchantId);
  if (trigger === "energy_event") return energyEventResults(w);
  return signUpEvents(w);
}
