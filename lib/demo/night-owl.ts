import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
// the definition schema only (no server-only import), so the seed script can read it outside Next
// eslint-disable-next-line no-restricted-imports
import { campaignDefinition } from "@/lib/campaigns/definition";

export const DEMO_CAMPAIGN_NAME = "Night owl bonus";

/** The demo's live off-peak campaign: sessions started 01:00–05:00 (business time zone) earn 2× Nova, within a budget. */
export const NIGHT_OWL = campaignDefinition.parse({
  name: DEMO_CAMPAIGN_NAME,
  trigger: "session_verified",
  conditions: { hours: { start: "01:00", end: "05:00" } },
  limits: { startsAt: "2026-11-01T00:00:00Z", perDriverPerDay: 1, budgetNova: 50_000 },
  effects: [{ kind: "multiplier", factor: 2 }],
});

/** Idempotent: one program-wide "Night owl bonus" campaign by the demo admin (found by both), live, version 1. */
export async function seedNightOwl(db: Db, adminId: string): Promise<void> {
  const existing = await db.campaign.findFirst({
    where: { name: DEMO_CAMPAIGN_NAME, merchantId: null, createdById: adminId },
  });
  if (existing) return;
  await db.campaign.create({
    data: {
      name: NIGHT_OWL.name,
      trigger: NIGHT_OWL.trigger,
      status: "LIVE",
      createdById: adminId,
      versions: {
        create: { version: 1, definition: NIGHT_OWL as unknown as Prisma.InputJsonValue, createdById: adminId },
      },
    },
  });
}
