import { CircleCheckIcon, TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import type { LedgerViolation } from "@/lib/ledger";
import { formatCount } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th } from "@/components/ui/table";

type Check = { violations: LedgerViolation[]; transactions: number; accounts: number };

const kinds: Record<LedgerViolation["kind"], string> = {
  unbalanced_transaction: "Transaction does not sum to zero",
  balance_mismatch: "Balance differs from its entries",
  negative_balance: "Balance below zero",
  payouts_clearing_mismatch: "Payouts clearing differs from cash-outs in flight",
  broken_chain: "Hash chain broken (an entry changed or removed)",
};

/** The ledger's invariants: one green line when they hold, the violations when they do not. */
export function LedgerCheckResult({ check }: { check: Check }) {
  const totals = `${formatCount(check.transactions)} ${check.transactions === 1 ? "transaction" : "transactions"}, ${formatCount(check.accounts)} ${check.accounts === 1 ? "account" : "accounts"}`;
  if (check.violations.length === 0) {
    return (
      <Notice
        tone="success"
        icon={<CircleCheckIcon className="size-5 text-brand-600" />}
        className="gap-3 rounded-2xl p-4 text-base"
      >
        <p className="font-semibold">Ledger is consistent: {totals}.</p>
        <p className="text-sm text-brand-800">
          Every transaction sums to zero per currency and every balance equals its entries.
        </p>
      </Notice>
    );
  }
  return (
    <div className="space-y-4">
      <Notice
        tone="danger"
        icon={<TriangleAlertIcon className="size-5 text-rose-600" />}
        className="gap-3 rounded-2xl p-4 text-base text-rose-900"
      >
        <p className="font-semibold">
          {check.violations.length === 1 ? "1 problem" : `${formatCount(check.violations.length)} problems`} found in{" "}
          {totals}.
        </p>
        <p className="text-sm text-rose-800">Stop grants and redemptions at Feature flags until this is understood.</p>
      </Notice>
      <Table caption="Ledger violations">
        <thead>
          <tr>
            <Th>Problem</Th>
            <Th>Row</Th>
            <Th>Detail</Th>
          </tr>
        </thead>
        <TBody>
          {check.violations.map((v) => (
            <tr key={`${v.kind}:${v.id}`}>
              <Td className="font-medium text-slate-900">{kinds[v.kind]}</Td>
              <Td className="font-mono text-xs">
                {v.kind === "unbalanced_transaction" ? (
                  <Link href={`/admin/ledger/${v.id}`} className="text-brand-800 underline underline-offset-4">
                    {v.id}
                  </Link>
                ) : (
                  v.id
                )}
              </Td>
              <Td className="whitespace-normal">{v.detail}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
