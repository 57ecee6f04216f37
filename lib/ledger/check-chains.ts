import type { Tx } from "@/lib/db";
import { GENESIS_HASH } from "./chain";

export type ChainBreak = {
  accountId: string;
  /** The first entry of the account that does not verify; null when only the head is off. */
  entryId: string | null;
  seq: number;
  problem: "missing" | "relinked" | "altered" | "head";
  detail: string;
};

type EntryRow = {
  accountId: string;
  id: bigint;
  seq: number;
  lastSeq: number | null;
  problem: "missing" | "relinked" | "altered";
};
type HeadRow = { id: string; headSeq: number; lastSeq: number | null; hashOk: boolean };

/**
 * Verifies every account's hash chain and names the first broken entry of each: a gap in seq (an
 * entry deleted), a prevHash that is not the previous entry's hash (one replaced), or a hash that
 * does not match the entry's fields (one altered). An account whose entries verify but whose head
 * is not its last entry lost its newest entries. Takes a transaction too (the tamper tests look
 * inside their own, then roll back).
 */
export async function checkChains(client: Tx): Promise<ChainBreak[]> {
  const entries = await client.$queryRaw<EntryRow[]>`
    WITH e AS (
      SELECT e."id", e."accountId", e."seq", e."prevHash", e."hash",
             LAG(e."seq") OVER w AS "lastSeq", LAG(e."hash") OVER w AS "lastHash",
             "ledger_entry_hash"(e."seq", e."prevHash", e."id", e."accountId", e."transactionId", e."amount",
               a."currency"::text, t."type", e."createdAt") AS "expected"
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a."id" = e."accountId"
      JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
      WINDOW w AS (PARTITION BY e."accountId" ORDER BY e."seq")
    )
    SELECT DISTINCT ON ("accountId") "accountId", "id", "seq", "lastSeq",
      CASE WHEN "seq" <> COALESCE("lastSeq", 0) + 1 THEN 'missing'
           WHEN "prevHash" <> COALESCE("lastHash", ${GENESIS_HASH}) THEN 'relinked'
           ELSE 'altered' END AS "problem"
    FROM e
    WHERE "seq" <> COALESCE("lastSeq", 0) + 1 OR "prevHash" <> COALESCE("lastHash", ${GENESIS_HASH})
       OR "hash" IS DISTINCT FROM "expected"
    ORDER BY "accountId", "seq"`;
  const heads = await client.$queryRaw<HeadRow[]>`
    SELECT a."id", a."headSeq", l."seq" AS "lastSeq", a."headHash" = COALESCE(l."hash", ${GENESIS_HASH}) AS "hashOk"
    FROM "LedgerAccount" a
    LEFT JOIN LATERAL (
      SELECT "seq", "hash" FROM "LedgerEntry" WHERE "accountId" = a."id" ORDER BY "seq" DESC LIMIT 1
    ) l ON true
    WHERE a."headSeq" <> COALESCE(l."seq", 0) OR a."headHash" <> COALESCE(l."hash", ${GENESIS_HASH})`;
  const breaks: ChainBreak[] = entries.map((r) => ({
    accountId: r.accountId,
    entryId: r.id.toString(),
    seq: r.seq,
    problem: r.problem,
    detail: entryDetail(r),
  }));
  const seen = new Set(breaks.map((b) => b.accountId));
  for (const h of heads.filter((h) => !seen.has(h.id)))
    breaks.push({
      accountId: h.id,
      entryId: null,
      seq: h.headSeq,
      problem: "head",
      detail:
        h.headSeq !== (h.lastSeq ?? 0)
          ? `the chain head is seq ${h.headSeq} but the last entry is seq ${h.lastSeq ?? 0} (newest entries deleted?)`
          : `the chain head's hash is not the last entry's (seq ${h.headSeq})`,
    });
  return breaks;
}

function entryDetail(r: EntryRow): string {
  const at = `entry ${r.id} (seq ${r.seq})`;
  if (r.problem === "missing") {
    const from = (r.lastSeq ?? 0) + 1;
    const gap = from === r.seq - 1 ? `seq ${from} is` : `seq ${from}–${r.seq - 1} are`;
    return `${at}: ${gap} missing before it (deleted?)`;
  }
  if (r.problem === "relinked") return `${at}: its previous hash is not seq ${r.seq - 1}'s hash (an entry replaced?)`;
  return `${at}: its hash does not match its fields (amount, date or type changed?)`;
}
