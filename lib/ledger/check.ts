import type { Db } from "@/lib/db";
import { checkChains } from "./check-chains";

export type LedgerViolation = {
  kind:
    "unbalanced_transaction" | "balance_mismatch" | "negative_balance" | "payouts_clearing_mismatch" | "broken_chain";
  id: string;
  detail: string;
};

/**
 * The invariants, checkable at any time: transactions sum to zero per currency; balances equal their
 * entries; no account below zero beyond the debt its overdraft transactions allowed; every
 * account's hash chain verifies (the first broken entry of each is named).
 */
export async function checkLedger(
  client: Db,
): Promise<{ violations: LedgerViolation[]; transactions: number; accounts: number }> {
  const unbalanced = await client.$queryRaw<{ id: string; currency: string; sum: bigint }[]>`
    SELECT e."transactionId" AS id, a."currency"::text AS currency, SUM(e."amount") AS sum
    FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a."id" = e."accountId"
    GROUP BY e."transactionId", a."currency" HAVING SUM(e."amount") <> 0`;
  const mismatched = await client.$queryRaw<{ id: string; balance: bigint; sum: bigint }[]>`
    SELECT a."id", a."balance", COALESCE(SUM(e."amount"), 0)::bigint AS sum
    FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a."id"
    GROUP BY a."id" HAVING a."balance" <> COALESCE(SUM(e."amount"), 0)`;
  // Below zero only as far as transactions allowed to overdraw this account took it (a purchase
  // clawback after the reward was paid out): that debt is shown to its driver, never more.
  const negative = await client.$queryRaw<{ id: string; balance: bigint }[]>`
    SELECT a."id", a."balance" FROM "LedgerAccount" a
    WHERE NOT a."allowNegative" AND a."balance" < 0
      AND a."balance" < -COALESCE((
        SELECT SUM(-e."amount") FROM "LedgerEntry" e JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
        WHERE e."accountId" = a."id" AND e."amount" < 0
          AND t."metadata" -> 'overdraft' @> jsonb_build_array(
            a."ownerType"::text || ':' || a."ownerId" || ':' || a."kind"::text || ':' || a."currency"::text)
      ), 0)`;
  // Payouts clearing holds exactly the cash-outs on their way (net of fees), no more, no less.
  const [clearing] = await client.$queryRaw<{ balance: bigint; inflight: bigint }[]>`
    SELECT
      (SELECT COALESCE(SUM("balance"), 0) FROM "LedgerAccount" WHERE "kind" = 'PAYOUTS_CLEARING')::bigint AS balance,
      (SELECT COALESCE(SUM("amountCents" - "feeCents"), 0) FROM "Payout"
        WHERE "state" IN ('REQUESTED', 'TRANSFER_SUBMITTED', 'TRANSFERRED', 'PAYOUT_SUBMITTED', 'FAILED'))::bigint AS inflight`;
  const chains = await checkChains(client);
  const [{ transactions, accounts }] = await client.$queryRaw<{ transactions: bigint; accounts: bigint }[]>`
    SELECT (SELECT count(*) FROM "LedgerTransaction") AS transactions, (SELECT count(*) FROM "LedgerAccount") AS accounts`;
  return {
    transactions: Number(transactions),
    accounts: Number(accounts),
    violations: [
      ...unbalanced.map((r) => ({
        kind: "unbalanced_transaction" as const,
        id: r.id,
        detail: `${r.currency} entries sum to ${r.sum}`,
      })),
      ...mismatched.map((r) => ({
        kind: "balance_mismatch" as const,
        id: r.id,
        detail: `balance ${r.balance} but entries sum to ${r.sum}`,
      })),
      ...negative.map((r) => ({ kind: "negative_balance" as const, id: r.id, detail: `balance ${r.balance}` })),
      ...(clearing.balance !== clearing.inflight
        ? [
            {
              kind: "payouts_clearing_mismatch" as const,
              id: "PAYOUTS_CLEARING",
              detail: `payouts clearing holds ${clearing.balance} cents but in-flight payouts add up to ${clearing.inflight}`,
            },
          ]
        : []),
      ...chains.map((b) => ({ kind: "broken_chain" as const, id: b.accountId, detail: b.detail })),
    ],
  };
}
