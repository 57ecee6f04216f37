import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { getPayoutForAdmin } from "@/lib/payouts";
import { PayoutDecisionForm } from "@/components/admin/payout-decision-form";
import { PayoutTimeline } from "@/components/admin/payout-timeline";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatUsd } from "@/components/ui/format";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { PayoutStateBadge } from "@/components/ui/payout-state-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payout" };

const link = "font-medium text-brand-800 underline underline-offset-4";

export default async function AdminPayoutPage({ params }: { params: Promise<{ payoutId: string }> }) {
  const { payoutId } = await params;
  const actor = actorOf(await requirePagePermission("admin:view", `/admin/payouts/${payoutId}`));
  const p = await getPayoutForAdmin(actor, payoutId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const driver = p.user.email ?? p.user.name ?? p.user.id;
  const when = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d)}</time> : none);

  return (
    <>
      <BackLink href="/admin/payouts">Payouts</BackLink>
      <PageHeader
        title={`Payout of ${formatUsd(p.amountCents)}`}
        description={`${p.method === "INSTANT" ? "Instant" : "Standard"} cash-out by ${driver}`}
        actions={<PayoutStateBadge state={p.state} />}
      />

      <Card>
        <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Detail label="Payout">{id(p.id)}</Detail>
          <Detail label="Driver">
            <Link href={`/admin/accounts/DRIVER/${p.user.id}`} className={link}>
              {driver}
            </Link>
          </Detail>
          <Detail label="Amount · fee · net">
            {formatUsd(p.amountCents)} · {formatUsd(p.feeCents)} · {formatUsd(p.amountCents - p.feeCents)}
          </Detail>
          <Detail label="Created">{when(p.createdAt)}</Detail>
          <Detail label="Updated">{when(p.updatedAt)}</Detail>
          <Detail label="Expected arrival">{when(p.expectedArrival)}</Detail>
          <Detail label="Paid">{when(p.paidAt)}</Detail>
          <Detail label="Returned">{when(p.returnedAt)}</Detail>
          <Detail label="Payout attempt">{p.payoutAttempt}</Detail>
          <Detail label="Connected account">{id(p.stripeAccountId)}</Detail>
          <Detail label="Stripe transfer">{p.stripeTransferId ? id(p.stripeTransferId) : none}</Detail>
          <Detail label="Stripe payout">{p.stripePayoutId ? id(p.stripePayoutId) : none}</Detail>
          <Detail label="Debit (ledger)">{ledger(p.debitTxId)}</Detail>
          <Detail label="Settlement (ledger)">{ledger(p.settleTxId)}</Detail>
          <Detail label="Return (ledger)">{ledger(p.returnTxId)}</Detail>
          <Detail label="Failure" wide>
            {p.failureCode || p.failureReason ? (
              <>
                {p.failureCode ? <code className="mr-2 font-mono text-xs">{p.failureCode}</code> : null}
                {p.failureReason}
              </>
            ) : (
              none
            )}
          </Detail>
          <Detail label="Last error" wide>
            {p.lastError ? <span className="break-words">{p.lastError}</span> : none}
          </Detail>
        </dl>
      </Card>

      <section aria-labelledby="timeline-heading" className="mt-8">
        <SectionHeader id="timeline-heading" title="Timeline" description="Oldest first. Times in UTC." />
        <PayoutTimeline events={p.events} />
      </section>

      <section aria-labelledby="decisions-heading" className="mt-8">
        <SectionHeader id="decisions-heading" title="Decisions" />
        {p.state === "PAID" || p.state === "RETURNED" ? (
          <p className="text-sm text-slate-600">
            {p.state === "PAID"
              ? "Paid to the driver's bank: nothing to retry or return."
              : "The money is back in the driver's wallet: nothing to retry or return."}
          </p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <h3 className="font-semibold text-slate-900">Retry submission</h3>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                While in flight: queue the submission again. After a failure: queue the transfer’s reversal again.
              </p>
              <PayoutDecisionForm payoutId={p.id} decision="retry" />
            </Card>
            <Card>
              <h3 className="font-semibold text-slate-900">Return money</h3>
              <p className="mt-1 mb-4 text-sm text-slate-600">
                Before anything was sent, or after Stripe refused the transfer’s reversal (the platform carries the
                loss); never while Stripe may still pay it out or bring it back.
              </p>
              <PayoutDecisionForm payoutId={p.id} decision="return" />
            </Card>
          </div>
        )}
      </section>
    </>
  );
}

const none = <span className="text-slate-500">None</span>;
const id = (value: string) => <code className="font-mono text-xs break-all text-slate-800">{value}</code>;
const ledger = (txId: string | null) =>
  txId ? (
    <Link href={`/admin/ledger/${txId}`} className={`${link} font-mono text-xs break-all`}>
      {txId}
    </Link>
  ) : (
    none
  );

function Detail({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "min-w-0 sm:col-span-2 lg:col-span-3" : "min-w-0"}>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}
