import "server-only";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { RequestMeta } from "@/lib/auth/request-meta";

// Kill switches admins can flip at run time; the environment gives the default until they do.
export const FLAGS = {
  NOVA_GRANTS_ENABLED: {
    description: "Admins may grant Nova to drivers.",
    fallback: () => config().NOVA_GRANTS_ENABLED,
  },
  PAYOUTS_ENABLED: {
    description: "Drivers may cash out to their bank, and queued cash-outs are sent to Stripe.",
    fallback: () => config().PAYOUTS_ENABLED,
  },
  REDEMPTIONS_ENABLED: { description: "Drivers may redeem offers and merchants may take Nova.", fallback: () => true },
} as const;
export type FlagKey = keyof typeof FLAGS;

export async function isEnabled(key: FlagKey): Promise<boolean> {
  const row = await db().featureFlag.findUnique({ where: { key }, select: { enabled: true } });
  return row?.enabled ?? FLAGS[key].fallback();
}

/** Admin-only: every flag with its current value. */
export async function listFlags(actor: Actor) {
  assertCan(actor, "admin:view");
  const rows = await db().featureFlag.findMany();
  return (Object.keys(FLAGS) as FlagKey[]).map((key) => {
    const row = rows.find((r) => r.key === key);
    return {
      key,
      description: FLAGS[key].description,
      enabled: row?.enabled ?? FLAGS[key].fallback(),
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

export async function setFlag(actor: Actor, key: FlagKey, enabled: boolean, meta: RequestMeta): Promise<void> {
  assertCan(actor, "admin:flags");
  const adminId = actor.userId;
  await db().featureFlag.upsert({
    where: { key },
    update: { enabled, updatedById: adminId },
    create: { key, enabled, description: FLAGS[key].description, updatedById: adminId },
  });
  await recordAudit({
    action: "admin.flag_changed",
    actorId: adminId,
    targetType: "flag",
    targetId: key,
    metadata: { enabled },
    ...meta,
  });
}
