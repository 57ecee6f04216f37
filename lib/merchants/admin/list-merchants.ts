import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { db, type Prisma } from "@/lib/db";

export const MERCHANT_PAGE_SIZE = 25;
export const merchantStatuses = ["PENDING", "ACTIVE", "SUSPENDED", "REJECTED"] as const;

/** The list's filters from the query string; anything malformed falls back to "all", page 1. */
export const listMerchantsInput = z.object({
  q: z.string().trim().max(120).optional().catch(undefined),
  status: z.enum(merchantStatuses).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ListMerchantsInput = z.infer<typeof listMerchantsInput>;

export type MerchantListRow = {
  id: string;
  name: string;
  category: string;
  status: string;
  contactEmail: string | null;
  createdAt: Date;
};

/** Admin-only: merchants matching a name or email (the contact's or a team member's), by status, newest first. */
export async function listMerchants(actor: Actor, input: ListMerchantsInput) {
  assertCan(actor, "admin:view");
  const q = input.q || undefined;
  const where: Prisma.MerchantWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            { contactEmail: { contains: q, mode: "insensitive" } },
            { members: { some: { user: { email: { contains: q, mode: "insensitive" } } } } },
          ],
        }
      : {}),
  };
  const page = input.page ?? 1;
  const [total, rows] = await Promise.all([
    db().merchant.count({ where }),
    db().merchant.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * MERCHANT_PAGE_SIZE,
      take: MERCHANT_PAGE_SIZE,
      select: { id: true, name: true, category: true, status: true, contactEmail: true, createdAt: true },
    }),
  ]);
  return { rows: rows as MerchantListRow[], total, page, pageSize: MERCHANT_PAGE_SIZE };
}
