import "server-only";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

export const DRIVERS_PAGE_SIZE = 25;
export const driverSearchInput = z.object({
  q: z.string().trim().max(100).default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type DriverSearch = z.infer<typeof driverSearchInput>;

/**
 * Drivers by exact id, or email / phone containing the text (case-insensitive), newest first,
 * a page at a time, with whether each is held for review.
 */
export async function searchDrivers(actor: Actor, input: DriverSearch) {
  assertCan(actor, "admin:view");
  const q = input.q;
  const where = {
    role: "DRIVER" as const,
    ...(q
      ? {
          OR: [
            { id: q },
            { email: { contains: q, mode: "insensitive" as const } },
            { phone: { contains: q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (input.page - 1) * DRIVERS_PAGE_SIZE,
      take: DRIVERS_PAGE_SIZE,
      select: {
        id: true,
        email: true,
        phone: true,
        name: true,
        status: true,
        createdAt: true,
        _count: { select: { riskFlags: { where: { status: { in: ["OPEN", "SUSPENDED"] } } } } },
      },
    }),
    db().user.count({ where }),
  ]);
  return {
    drivers: rows.map(({ _count, ...d }) => ({ ...d, held: _count.riskFlags > 0 })),
    total,
    pages: Math.max(1, Math.ceil(total / DRIVERS_PAGE_SIZE)),
  };
}
