import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLedgerTransaction } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { transactionTypeLabel } from "@/lib/ledger";
import { checkReversal } from "@/lib/rewards";
import { ReverseForm } from "@/components/admin/reverse-form";
import { TransactionEntries } from "@/components/admin/transaction-entries";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ledger transaction" };

const link = "font-medium text-brand-800 underline underline-offset-4";

export default async function LedgerTransactionPage({ params }: { params: Promise<{ transactionId: string }> }) {
  const { transactionId } = await params;
  const session = await requirePagePermission("admin:view", `/admin/ledger/${transactionId}`);
  const [tx, reversal] = await Promise.all([
    getLedgerTransaction(actorOf(session), transactionId),
    checkReversal(transactionId),
  ]);
  if (!tx || !reversal) notFound();

  return (
    <>
      <BackLink href="/admin/ledger">Ledger</BackLink>
      <PageHeader
        title={transactionTypeLabel(tx.type)}
        description={tx.reason}
        actions={tx.reversedBy ? <Badge tone="danger">Reversed</Badge> : null}
      />

      <Card>
        <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
          <Detail label="Transaction">
            <code className="font-mono text-xs break-all text-slate-800">{tx.id}</code>
          </Detail>
          <Detail label="Type">
            {transactionTypeLabel(tx.type)} <span className="font-mono text-xs text-slate-500">({tx.type})</span>
          </Detail>
          <Detail label="By">
            {tx.actor
              ? `${tx.actor.label}${tx.actor.email && tx.actor.email !== tx.actor.label ? ` · ${tx.actor.email}` : ""}`
              : "System"}
          </Detail>
          <Detail label="Time">
            <time dateTime={tx.createdAt.toISOString()}>{formatDateTime(tx.createdAt)}</time>
          </Detail>
          {tx.reverses ? (
            <Detail label="Reverses">
              <Link href={`/admin/ledger/${tx.reverses.id}`} className={link}>
                {transactionTypeLabel(tx.reverses.type)}: {tx.reverses.reason}
              </Link>
            </Detail>
          ) : null}
        </dl>
      </Card>

      <section aria-labelledby="entries-heading" className="mt-8">
        <SectionHeader
          id="entries-heading"
          title="Entries"
          description="Each line moves one account; together they sum to zero per currency."
        />
        <TransactionEntries entries={tx.entries} />
      </section>

      <section aria-labelledby="reverse-heading" className="mt-8">
        <SectionHeader id="reverse-heading" title="Reversal" />
        {tx.reversedBy ? (
          <Card className="text-sm text-slate-700">
            Reversed by{" "}
            <Link href={`/admin/ledger/${tx.reversedBy.id}`} className={link}>
              {tx.reversedBy.reason}
            </Link>{" "}
            {tx.reversedBy.actor ? <>({tx.reversedBy.actor.label}) </> : null}
            on <time dateTime={tx.reversedBy.createdAt.toISOString()}>{formatDateTime(tx.reversedBy.createdAt)}</time>.
          </Card>
        ) : reversal.refusal ? (
          <Card className="text-sm text-slate-700">{reversal.refusal}</Card>
        ) : (
          <Card className="max-w-2xl">
            <p className="mb-4 text-sm text-slate-600">
              Reversing posts a new transaction with every line negated. It can be done once, and fails if the Nova has
              already been spent.
            </p>
            <ReverseForm
              transactionId={tx.id}
              summary={`${transactionTypeLabel(tx.type)}: ${tx.reason}`}
              idempotencyKey={crypto.randomUUID()}
            />
          </Card>
        )}
      </section>
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}
