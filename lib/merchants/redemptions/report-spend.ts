import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db";
import { forbidden, notFound } from "@/lib/errors";

export const reportSpendInput = z.object({ transactionId: z.string().min(1).max(64) });

/**
 * "Not me": the driver reports a direct spend from their own wallet. Scoped to the driver's own
 * entries, so another driver's transaction id is not found. Reporting twice keeps one report.
 */
export async function reportSpend(actor: Actor, input: z.infer<typeof reportSpendInput>, meta: RequestMeta) {
  const spend = await db().ledgerTransaction.findFirst({
    where: {
      id: input.transactionId,
      type: "DIRECT_SPEND",
      entries: { some: { account: { ownerType: "DRIVER", ownerId: actor.userId } } },
    },
    select: {
      id: true,
      metadata: true,
      entries: { where: { account: { ownerType: "DRIVER", ownerId: actor.userId } }, select: { amount: true } },
    },
  });
  const merchantId = (spend?.metadata as { merchantId?: string } | null)?.merchantId;
  if (!spend || !merchantId) throw notFound("That payment");
  const nova = -spend.entries.reduce((sum, e) => sum + Number(e.amount), 0);
  const created = await db().spendReport.createMany({
    data: [{ transactionId: spend.id, driverId: actor.userId, merchantId, nova }],
    skipDuplicates: true,
  });
  if (created.count === 1)
    await recordAudit({
      action: "nova.spend_reported",
      actorId: actor.userId,
      targetType: "ledger_transaction",
      targetId: spend.id,
      metadata: { merchantId, nova },
      ...meta,
    });
  return { transactionId: spend.id, alreadyReported: created.count === 0 };
}

/** Which of these transactions the actor (a driver) has already reported. */
export async function reportedSpendIds(actor: Actor, transactionIds: string[]): Promise<Set<string>> {
  const driverId = actor.userId;
  if (transactionIds.length === 0) return new Set();
  const rows = await db().spendReport.findMany({
    where: { driverId, transactionId: { in: transactionIds } },
    select: { transactionId: true },
  });
  return new Set(rows.map((r) => r.transactionId));
}

export type SpendReportRow = {
  id: string;
  transactionId: string;
  createdAt: Date;
  nova: number;
  driver: string;
  merchant: string;
  reversed: boolean;
};

/** The newest reports, for admins only. */
export async function listSpendReports(actor: Actor, take = 10): Promise<SpendReportRow[]> {
  if (actor.role !== "ADMIN") throw forbidden();
  const rows = await db().spendReport.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      transactionId: true,
      createdAt: true,
      nova: true,
      driver: { select: { email: true, phone: true, name: true } },
      merchant: { select: { name: true } },
      transaction: { select: { reversedBy: { select: { id: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    transactionId: r.transactionId,
    createdAt: r.createdAt,
    nova: r.nova,
    driver: r.driver.email ?? r.driver.phone ?? r.driver.name ?? "driver",
    merchant: r.merchant.name,
    reversed: r.transaction.reversedBy !== null,
  }));
}
