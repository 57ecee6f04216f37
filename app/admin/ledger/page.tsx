import { BookTextIcon, FileCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { listLedgerTransactions } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { checkLedgerNow, transactionTypeLabel } from "@/lib/ledger";
import { LedgerCheckResult } from "@/components/admin/ledger-check-result";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatUsd } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th } from "@/components/ui/table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ledger" };

const LATEST = 50;

export default async function AdminLedgerPage() {
  const session = await requirePagePermission("admin:view", "/admin/ledger");
  const [check, transactions] = await Promise.all([checkLedgerNow(), listLedgerTransactions(actorOf(session), LATEST)]);
  return (
    <>
      <PageHeader
        title="Ledger"
        description="Every movement of Nova and cash, checked against its invariants on each visit. Times in UTC."
        actions={
          <ButtonLink href="/admin/ledger/verify" variant="secondary">
            <FileCheckIcon className="size-4" />
            Check a statement
          </ButtonLink>
        }
      />
      <LedgerCheckResult check={check} />

      <section aria-labelledby="latest-heading" className="mt-10">
        <SectionHeader
          id="latest-heading"
          title="Latest transactions"
          description={`The ${LATEST} newest; open one to see its entries or reverse it.`}
        />
        {transactions.length === 0 ? (
          <EmptyState
            level={3}
            icon={<BookTextIcon className="size-6" />}
            title="No transactions yet"
            description="Grants, redemptions and pass payments appear here as they happen."
          />
        ) : (
          <Table caption="Latest ledger transactions">
            <thead>
              <tr>
                <Th>Transaction</Th>
                <Th className="text-right">Moved</Th>
                <Th>By</Th>
              </tr>
            </thead>
            <TBody>
              {transactions.map((t) => (
                <tr key={t.id} className="align-top">
                  <Td className="whitespace-normal">
                    <div className="w-56 whitespace-normal sm:w-auto sm:max-w-md">
                      <Link
                        href={`/admin/ledger/${t.id}`}
                        className="font-medium text-brand-800 underline-offset-4 hover:underline"
                      >
                        {t.reason}
                      </Link>
                      <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
                        <span>{transactionTypeLabel(t.type)} ·</span>
                        <time dateTime={t.createdAt.toISOString()}>{formatDateTime(t.createdAt)}</time>
                        {t.reversed ? <Badge tone="danger">Reversed</Badge> : null}
                      </span>
                    </div>
                  </Td>
                  <Td className="text-right">
                    {t.moved.nova > 0 ? <NovaAmount amount={t.moved.nova} compact /> : null}
                    {t.moved.usdCents > 0 ? (
                      <span className="block tabular-nums">{formatUsd(t.moved.usdCents)}</span>
                    ) : null}
                  </Td>
                  <Td className="text-slate-600">{t.actor ?? <span className="text-slate-500">System</span>}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
