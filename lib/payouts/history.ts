import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { PayoutMethod, PayoutState } from "@/lib/db/generated/enums";
import { stateInWords, timelineInWords, type TimelineLine } from "./timeline-words";

export type CashOutRow = {
  id: string;
  amountCents: number;
  feeCents: number;
  method: PayoutMethod;
  state: PayoutState;
  stateWords: string;
  createdAt: Date;
  expectedArrival: Date | null;
  failureReason: string | null;
};

const rowSelect = {
  id: true,
  amountCents: true,
  feeCents: true,
  method: true,
  state: true,
  createdAt: true,
  expectedArrival: true,
  failureReason: true,
} as const;

/** The driver's own cash-outs, newest first. */
export async function listCashOuts(actor: Actor, take = 20): Promise<CashOutRow[]> {
  assertCan(actor, "driver:use");
  const rows = await db().payout.findMany({
    where: { userId: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: rowSelect,
  });
  return rows.map((r) => ({ ...r, stateWords: stateInWords(r.state) }));
}

/** One of the driver's cash-outs with its timeline in words (another driver's id is not found). */
export async function getCashOut(actor: Actor, payoutId: string): Promise<CashOutRow & { timeline: TimelineLine[] }> {
  assertCan(actor, "driver:use");
  const row = await db().payout.findFirst({
    where: { id: payoutId, userId: actor.userId },
    select: {
      ...rowSelect,
      events: { orderBy: { id: "asc" }, select: { kind: true, toState: true, createdAt: true } },
    },
  });
  if (!row) throw notFound("That cash-out");
  const { events, ...rest } = row;
  return { ...rest, stateWords: stateInWords(row.state), timeline: timelineInWords(events) };
}
