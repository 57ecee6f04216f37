import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { db, type Prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { PayoutState } from "@/lib/db/generated/enums";

export const payoutFilterInput = z.object({
  state: z.enum(Object.values(PayoutState) as [PayoutState, ...PayoutState[]]).optional(),
  driver: z.string().trim().max(200).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type PayoutFilter = z.infer<typeof payoutFilterInput>;

// Prisma's `contains` passes % and _ through to LIKE: a filter of "%" would match everyone
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereOf(f: PayoutFilter): Prisma.PayoutWhereInput {
  const day = (d: string, end = false) => new Date(`${d}T00:00:00.000Z`).getTime() + (end ? 86_400_000 : 0);
  return {
    ...(f.state && { state: f.state }),
    ...(f.driver && {
      user: {
        OR: [
          { email: { contains: literal(f.driver), mode: "insensitive" } },
          { id: f.driver },
          { name: { contains: literal(f.driver), mode: "insensitive" } },
        ],
      },
    }),
    ...((f.from || f.to) && {
      createdAt: { ...(f.from && { gte: new Date(day(f.from)) }), ...(f.to && { lt: new Date(day(f.to, true)) }) },
    }),
  };
}

/** Admin-only: payouts matching the filter, newest first, with totals by state over the whole match. */
export async function listPayouts(actor: Actor, filter: PayoutFilter, take = 100) {
  assertCan(actor, "admin:view");
  const where = whereOf(filter);
  const [rows, totals] = await Promise.all([
    db().payout.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        amountCents: true,
        feeCents: true,
        method: true,
        state: true,
        createdAt: true,
        updatedAt: true,
        lastError: true,
        failureCode: true,
        user: { select: { id: true, email: true, name: true } },
      },
    }),
    db().payout.groupBy({ by: ["state"], where, _sum: { amountCents: true }, _count: { _all: true } }),
  ]);
  return {
    rows,
    totals: totals.map((t) => ({ state: t.state, count: t._count._all, amountCents: t._sum.amountCents ?? 0 })),
  };
}

/** Admin-only: one payout, its driver, ledger links and its whole timeline (our transitions and Stripe's events). */
export async function getPayoutForAdmin(actor: Actor, payoutId: string) {
  assertCan(actor, "admin:view");
  const payout = await db().payout.findUnique({
    where: { id: payoutId },
    include: {
      user: { select: { id: true, email: true, name: true } },
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!payout) throw notFound("That payout");
  const actorIds = [...new Set(payout.events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  return {
    ...payout,
    events: payout.events.map((e) => ({
      ...e,
      id: e.id.toString(),
      actor: actors.find((a) => a.id === e.actorId)?.email ?? null,
    })),
  };
}

/** Admin-only: what the reconciliation found and nobody has resolved yet. */
export async function listPayoutMismatches(actor: Actor, take = 50) {
  assertCan(actor, "admin:view");
  return db().payoutMismatch.findMany({ where: { resolvedAt: null }, orderBy: { createdAt: "desc" }, take });
}
