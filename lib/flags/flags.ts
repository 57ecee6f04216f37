import "server-only";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import { db, Prisma, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { FLAGS, type FlagKey } from "./definitions";

type Client = Pick<Tx, "featureFlag">;

/** The switch's current value; pass the transaction client inside a transaction that must not call db(). */
export async function isEnabled(key: FlagKey, client: Client = db()): Promise<boolean> {
  const row = await client.featureFlag.findUnique({ where: { key }, select: { enabled: true } });
  return flagValue(key, row?.enabled ?? null);
}

/**
 * The switch's current value as a scalar subquery, for a caller that folds the read into a
 * statement it makes anyway (one round trip fewer on a hot path; still read fresh on every
 * request, so a switch turned off refuses the very next request). Pair it with `flagValue`.
 */
export function flagSql(key: FlagKey): Prisma.Sql {
  return Prisma.sql`(SELECT "enabled" FROM "FeatureFlag" WHERE "key" = ${key})`;
}

/** What `flagSql` read, or the switch's default while no admin has set it. */
export function flagValue(key: FlagKey, stored: boolean | null): boolean {
  return stored ?? FLAGS[key].fallback();
}

/** The refusal a request gated by this switch gets while it is off. */
export function flagRefusal(key: FlagKey): AppError {
  const { code, message } = FLAGS[key].refusal;
  return new AppError(code, message);
}

/**
 * The switch for a posting to check in its own statement (lib/ledger's `killSwitch`): read fresh
 * there, refused with the switch's own message while off.
 */
export function postingSwitch(key: FlagKey): { key: string; fallback: boolean; refusal: () => AppError } {
  return { key, fallback: FLAGS[key].fallback(), refusal: () => flagRefusal(key) };
}

/** Refuses (with the switch's own message) while the switch is off. */
export async function assertEnabled(key: FlagKey, client?: Client): Promise<void> {
  if (!(await isEnabled(key, client))) throw flagRefusal(key);
}

/** Admin-only: every flag with what it gates and its current value. */
export async function listFlags(actor: Actor) {
  assertCan(actor, "admin:view");
  const rows = await db().featureFlag.findMany();
  return (Object.keys(FLAGS) as FlagKey[]).map((key) => {
    const row = rows.find((r) => r.key === key);
    return {
      key,
      description: FLAGS[key].description,
      offMeans: FLAGS[key].offMeans,
      enabled: row?.enabled ?? FLAGS[key].fallback(),
      updatedAt: row?.updatedAt ?? null,
    };
  });
}

/** Admin-only: sets a switch and keeps the change (with the value before it) in the audit log. */
export async function setFlag(actor: Actor, key: FlagKey, enabled: boolean, meta: RequestMeta): Promise<void> {
  assertCan(actor, "admin:flags");
  const adminId = actor.userId;
  await db().$transaction(async (tx) => {
    const was = await isEnabled(key, tx);
    await tx.featureFlag.upsert({
      where: { key },
      update: { enabled, updatedById: adminId },
      create: { key, enabled, description: FLAGS[key].description, updatedById: adminId },
    });
    await recordAudit(
      {
        action: "admin.flag_changed",
        actorId: adminId,
        targetType: "flag",
        targetId: key,
        metadata: { enabled, was },
        ...meta,
      },
      tx,
    );
  });
}
