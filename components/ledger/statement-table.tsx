import Link from "next/link";
import type { StatementLine } from "@/lib/ledger";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { EntryStateBadge } from "./entry-state-badge";
import { SignedAmount } from "./signed-amount";
import { accountKindLabel } from "./account-kind";

type StatementTableProps = {
  lines: StatementLine[];
  caption: string;
  /** Show which of the owner's accounts each entry is in (admins see every account kind). */
  showAccount?: boolean;
  /** Link each entry to its transaction (admin only). */
  transactionHref?: (transactionId: string) => string;
};

/**
 * Ledger entries, newest first. What and how much come first so a phone shows them without
 * scrolling the table sideways. A server component (amounts are still bigint here).
 */
export function StatementTable({ lines, caption, showAccount = false, transactionHref }: StatementTableProps) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Entry</Th>
          <Th className="text-right">Amount</Th>
          <Th>State</Th>
          {showAccount ? <Th>Account</Th> : null}
        </tr>
      </thead>
      <TBody>
        {lines.map((line) => (
          <tr key={line.entryId} className="align-top">
            <Td className="whitespace-normal">
              {/* a capped width makes long reasons wrap, so the amount stays in view on a phone */}
              <div className="w-56 whitespace-normal sm:w-auto sm:max-w-md">
                {transactionHref ? (
                  <Link
                    href={transactionHref(line.transactionId)}
                    className="font-medium text-brand-800 underline-offset-4 hover:underline"
                  >
                    {line.reason}
                  </Link>
                ) : (
                  <span className="font-medium text-slate-900">{line.reason}</span>
                )}
                <time dateTime={line.createdAt.toISOString()} className="mt-0.5 block text-xs text-slate-500">
                  {formatDateTime(line.createdAt)}
                </time>
              </div>
            </Td>
            <Td className="text-right">
              <SignedAmount amount={Number(line.amount)} currency={line.currency} />
            </Td>
            <Td>
              <EntryStateBadge state={line.state} />
            </Td>
            {showAccount ? (
              <Td>
                {accountKindLabel(line.account)} · {line.currency === "NOVA" ? "Nova" : "USD"}
              </Td>
            ) : null}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
