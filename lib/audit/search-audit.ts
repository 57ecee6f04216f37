import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { db, type Prisma } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export holds; the file says so when there were more. */
export const AUDIT_EXPORT_CAP = 10_000;

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-30.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "That is not a real date.");
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

/** The audit log's filters (the page's query string and the export's); dates are whole UTC days, both included. */
export const auditFilterInput = z
  .object({
    actor: text(200),
    targetType: text(60),
    targetId: text(100),
    action: text(100),
    from: day.optional().or(z.literal("").transform(() => undefined)),
    to: day.optional().or(z.literal("").transform(() => undefined)),
    page: z.coerce.number().int().min(1).max(100_000).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start date is after the end date.",
    path: ["to"],
  });
export type AuditFilter = z.infer<typeof auditFilterInput>;

export type AuditRow = {
  id: string;
  createdAt: Date;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  metadata: unknown;
  ip: string | null;
  requestId: string | null;
};

function whereFor(f: AuditFilter): Prisma.AuditLogWhereInput {
  const createdAt =
    f.from || f.to
      ? {
          ...(f.from ? { gte: new Date(`${f.from}T00:00:00Z`) } : {}),
          ...(f.to ? { lt: new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000) } : {}),
        }
      : undefined;
  return {
    ...(f.actor
      ? f.actor.includes("@")
        ? { actor: { email: { equals: f.actor, mode: "insensitive" } } }
        : { actorId: f.actor }
      : {}),
    ...(f.targetType ? { targetType: f.targetType } : {}),
    ...(f.targetId ? { targetId: f.targetId } : {}),
    ...(f.action ? { action: { startsWith: f.action } } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

const select = {
  id: true,
  createdAt: true,
  action: true,
  actorId: true,
  targetType: true,
  targetId: true,
  metadata: true,
  ip: true,
  requestId: true,
  actor: { select: { email: true } },
} as const;

type Selected = Prisma.AuditLogGetPayload<{ select: typeof select }>;
const toRow = ({ actor, id, ...r }: Selected): AuditRow => ({
  ...r,
  id: id.toString(),
  actorEmail: actor?.email ?? null,
});

/** Admin-only: audit entries matching the filters, newest first, one page. */
export async function searchAudit(actor: Actor, filter: AuditFilter) {
  assertCan(actor, "admin:view");
  const where = whereFor(filter);
  const page = filter.page ?? 1;
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select,
    }),
  ]);
  return { rows: rows.map(toRow), total, page, pageSize: AUDIT_PAGE_SIZE };
}

/** Admin-only: every matching entry for the CSV, newest first, at most AUDIT_EXPORT_CAP (`capped` says when more matched). */
export async function exportAudit(actor: Actor, filter: AuditFilter) {
  assertCan(actor, "admin:view");
  const rows = await db().auditLog.findMany({
    where: whereFor(filter),
    orderBy: { id: "desc" },
    take: AUDIT_EXPORT_CAP + 1,
    select,
  });
  return { rows: rows.slice(0, AUDIT_EXPORT_CAP).map(toRow), capped: rows.length > AUDIT_EXPORT_CAP };
}
