import type { AuditEntry } from "@/lib/audit";
import { db, Prisma, queryRows, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { allowsNegative, type AccountRef } from "./accounts";
import { GuardFailed, InsufficientFunds } from "./errors";
import { createId } from "./ids";
import { suspendedRecipient } from "./recipients";

/** A capped counter spent with the posting; `refusal` is what the caller throws when it would pass its cap. */
export type UsageSpend = { key: string; amount: bigint; cap: bigint; refusal: () => Error };
/** A kill switch (FeatureFlag key, its value while unset) the posting's statement checks first; `refusal` when off. */
export type KillSwitch = { key: string; fallback: boolean; refusal: () => Error };
export type PostCall = {
  id: string;
  idempotencyKey: string;
  requestHash: string;
  type: string;
  reason: string;
  reversesId: string | null;
  actorId: string | null;
  metadata: Record<string, unknown> | undefined;
  lines: { account: AccountRef; shard: number; amount: bigint; mayOverdraw: boolean }[];
  drivers: string[];
  recipients: string[];
  usage: UsageSpend[];
  audit: AuditEntry | undefined;
  killSwitch: KillSwitch | undefined;
  guard: Prisma.Sql | undefined;
  insufficientMessage: string | undefined;
  /** The caller's row, written by the same statement when the posting is new (see FollowRow in post.ts). */
  follow?: Prisma.Sql;
};
export type PostOutcome = {
  outcome: "posted" | "replayed" | "conflict";
  transactionId: string;
  walletWake: boolean;
  followed?: unknown;
};

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));

/** A posting called with the process's client, not inside a transaction: it commits alone. */
export function isOwnTransaction(tx: Tx): boolean {
  return tx === db();
}

/** The ledger_post function (migration …_ledger_post_function): the whole posting in one statement. */
export async function callLedgerPost(tx: Tx, c: PostCall): Promise<PostOutcome> {
  const refs = c.lines.map((l) => l.account);
  const audit = c.audit && [
    {
      actorId: c.audit.actorId ?? null,
      action: c.audit.action,
      targetType: c.audit.targetType ?? null,
      targetId: c.audit.targetId ?? null,
      metadata: c.audit.metadata ?? null,
      ip: c.audit.ip ?? null,
      requestId: c.audit.requestId ?? null,
    },
  ];
  try {
    const call = Prisma.sql`
      SELECT "outcome", "transactionId", "walletWake" FROM "ledger_post"(
        ${c.id}, ${c.idempotencyKey}, ${c.requestHash}, ${c.type}, ${c.reason}, ${c.reversesId}, ${c.actorId},
        ${c.metadata ? json(c.metadata) : null}::jsonb,
        ${refs.map((r) => r.ownerType)}::text[], ${refs.map((r) => r.ownerId)}::text[], ${refs.map((r) => r.kind)}::text[],
        ${refs.map((r) => r.currency)}::text[], ${c.lines.map((l) => l.shard)}::int[], ${refs.map(allowsNegative)}::boolean[],
        ${c.lines.map((l) => l.amount.toString())}::bigint[], ${c.lines.map((l) => l.mayOverdraw)}::boolean[],
        ${c.lines.map(() => createId())}::text[],
        ${c.drivers}::text[], ${c.recipients}::text[],
        ${c.usage.map((u) => u.key)}::text[], ${c.usage.map((u) => u.amount.toString())}::bigint[],
        ${c.usage.map((u) => u.cap.toString())}::bigint[],
        ${audit ? json(audit) : null}::jsonb,
        ${c.killSwitch?.key ?? null}::text, ${c.killSwitch?.fallback ?? true}::boolean,
        ${c.guard ? Prisma.sql`coalesce((${c.guard}), false)` : Prisma.sql`NULL`}::boolean)`;
    // the posting's result is read once (MATERIALIZED), by the caller's row and by this answer
    const statement = c.follow
      ? Prisma.sql`WITH posted AS MATERIALIZED (${call}), followed AS (${c.follow})
          SELECT p.*, (SELECT row_to_json(f) FROM followed f) AS "followed" FROM posted p`
      : call;
    // a posting that is its own transaction (postNow) goes straight to the pool: see lib/db/raw.ts
    const [row] = isOwnTransaction(tx)
      ? await queryRows<PostOutcome>(statement)
      : await tx.$queryRaw<PostOutcome[]>(statement);
    return row;
  } catch (err) {
    throw refusalOf(err, c) ?? err;
  }
}

/** The refusal a raised SQLSTATE stands for (see the migration), or null for anything else. */
function refusalOf(err: unknown, c: PostCall): Error | null {
  const { code, detail } = sqlError(err);
  switch (code) {
    case "LD001":
      return new InsufficientFunds(c.insufficientMessage);
    case "LD002":
      return c.usage.find((u) => u.key === detail)?.refusal() ?? null;
    case "LD003":
      return suspendedRecipient();
    case "LD004":
      return notFound("That driver");
    case "LD005":
      return c.killSwitch?.refusal() ?? null;
    case "LD006":
      return new GuardFailed();
    default:
      return null;
  }
}

/** SQLSTATE and DETAIL of a database error as the Prisma pg adapter surfaces it. */
export function sqlError(err: unknown): { code?: string; detail?: string } {
  const e = err as {
    code?: string;
    detail?: string;
    meta?: {
      code?: string;
      detail?: string;
      driverAdapterError?: { cause?: { code?: string; originalCode?: string; detail?: string } };
    };
    cause?: { code?: string; detail?: string; originalCode?: string };
  } | null;
  if (!e) return {};
  const cause = e.meta?.driverAdapterError?.cause ?? e.cause;
  return {
    code: cause?.originalCode ?? cause?.code ?? e.meta?.code ?? e.code,
    detail: cause?.detail ?? e.meta?.detail ?? e.detail,
  };
}
