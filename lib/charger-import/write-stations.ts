import "server-only";
import { db } from "@/lib/db";
import { distanceMeters } from "@/lib/geo";
import type { StationRow } from "@/lib/integrations/nrel";
import type { ImportRegion } from "./regions";

const sameFields = (
  a: StationRow,
  b: Omit<StationRow, "status" | "accessCode"> & { status: string; accessCode: string },
) =>
  a.name === b.name &&
  a.network === b.network &&
  a.address === b.address &&
  a.latitude === b.latitude &&
  a.longitude === b.longitude &&
  a.connectors.join() === b.connectors.join() &&
  a.powerKw === b.powerKw &&
  a.status === b.status &&
  a.accessHours === b.accessHours &&
  a.accessCode === b.accessCode &&
  a.pricing === b.pricing &&
  a.level2Ports === b.level2Ports &&
  a.dcFastPorts === b.dcFastPorts &&
  (a.sourceUpdatedAt?.getTime() ?? null) === (b.sourceUpdatedAt?.getTime() ?? null);

/**
 * Writes one page of stations: new ones are created, changed ones updated (only NREL's fields:
 * partner flags and check-in radius are ours and stay), and every listed one gets `importedAt`.
 * Running it twice with the same page changes nothing but `importedAt`.
 */
export async function writeStations(
  rows: StationRow[],
  importedAt: Date,
): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const ids = rows.map((r) => r.externalId);
  const existing = new Map(
    (await db().charger.findMany({ where: { externalId: { in: ids } } })).map((c) => [c.externalId, c]),
  );
  const fresh = rows.filter((r) => !existing.has(r.externalId));
  const changed = rows.filter((r) => existing.has(r.externalId) && !sameFields(r, existing.get(r.externalId)!));
  const created = await db().charger.createMany({
    data: fresh.map((r) => ({ ...r, source: "nrel", importedAt })),
    skipDuplicates: true,
  });
  for (const r of changed) await db().charger.update({ where: { externalId: r.externalId }, data: r });
  await db().charger.updateMany({ where: { externalId: { in: ids } }, data: { importedAt } });
  return { created: created.count, updated: changed.length };
}

/** Inside this share of the radius a station NREL no longer lists is surely gone (distances differ slightly). */
const GONE_MARGIN = 0.98;
const METERS_PER_MILE = 1609.344;

/**
 * After a complete region run: NREL stations inside the region that the run did not list are
 * marked "T" (not available), never deleted, so sessions and merchants pointing at them stay.
 */
export async function markUnlisted(region: ImportRegion, listed: Set<string>, runStartedAt: Date): Promise<number> {
  const radius = region.radiusMiles * METERS_PER_MILE;
  const dLat = radius / 111_000;
  const dLng = radius / (111_000 * Math.max(0.01, Math.cos((region.latitude * Math.PI) / 180)));
  const candidates = await db().charger.findMany({
    where: {
      source: "nrel",
      status: { not: "T" },
      OR: [{ importedAt: null }, { importedAt: { lt: runStartedAt } }],
      latitude: { gte: region.latitude - dLat, lte: region.latitude + dLat },
      longitude: { gte: region.longitude - dLng, lte: region.longitude + dLng },
    },
    select: { id: true, externalId: true, latitude: true, longitude: true },
  });
  const gone = candidates.filter((c) => !listed.has(c.externalId) && distanceMeters(region, c) <= radius * GONE_MARGIN);
  if (gone.length === 0) return 0;
  const marked = await db().charger.updateMany({
    where: { id: { in: gone.map((c) => c.id) }, OR: [{ importedAt: null }, { importedAt: { lt: runStartedAt } }] },
    data: { status: "T" },
  });
  return marked.count;
}
