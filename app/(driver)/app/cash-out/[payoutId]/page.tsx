import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { getCashOut } from "@/lib/payouts";
import { arrivalInWords } from "@/components/driver/cash-out-history";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatUsd } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { PayoutStateBadge } from "@/components/ui/payout-state-badge";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cash-out" };

export default async function CashOutDetailPage({ params }: { params: Promise<{ payoutId: string }> }) {
  const { payoutId } = await params;
  const actor = actorOf(await requirePagePermission("driver:use", `/app/cash-out/${payoutId}`));
  // someone else's cash-out reads as not found, like one that does not exist
  const payout = await getCashOut(actor, payoutId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const inFlight = payout.state !== "PAID" && payout.state !== "RETURNED" && payout.state !== "FAILED";

  return (
    <>
      <BackLink href="/app/cash-out">Cash out</BackLink>
      <PageHeader
        title={`Cash-out of ${formatUsd(payout.amountCents)}`}
        description={<>Requested {formatDateTime(payout.createdAt)}</>}
      />

      <Card>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 text-sm">
          <Detail label="Status" wide>
            <PayoutStateBadge state={payout.state} label={payout.stateWords} />
          </Detail>
          <Detail label="From your wallet">{formatUsd(payout.amountCents)}</Detail>
          <Detail label={payout.method === "INSTANT" ? "Instant fee" : "Fee"}>
            {payout.feeCents > 0 ? formatUsd(payout.feeCents) : "Free (standard)"}
          </Detail>
          {payout.state === "RETURNED" ? (
            <Detail label="Back in your wallet">
              <span className="font-semibold">{formatUsd(payout.amountCents)}</span>
            </Detail>
          ) : (
            <Detail label="You receive">
              <span className="font-semibold">{formatUsd(payout.amountCents - payout.feeCents)}</span>
            </Detail>
          )}
          <Detail label="Speed">{payout.method === "INSTANT" ? "Instant" : "Standard"}</Detail>
          {inFlight ? (
            <Detail label="Arrival" wide>
              {arrivalInWords(payout)}
            </Detail>
          ) : null}
        </dl>
      </Card>

      {payout.failureReason ? (
        <Notice tone="danger" role="note" className="mt-4">
          {payout.failureReason}
        </Notice>
      ) : null}

      <section aria-labelledby="timeline-heading" className="mt-8">
        <SectionHeader id="timeline-heading" title="Timeline" description="Times in UTC." />
        <Card>
          <ol className="space-y-3">
            {payout.timeline.map((line, i) => (
              <li key={i} className="flex gap-3 text-sm">
                <span aria-hidden="true" className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600" />
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">{line.text}</span>
                  <time className="block text-slate-500" dateTime={line.at.toISOString()}>
                    {formatDateTime(line.at)}
                  </time>
                </span>
              </li>
            ))}
          </ol>
        </Card>
      </section>
    </>
  );
}

function Detail({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "col-span-2 min-w-0" : "min-w-0"}>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-slate-900">{children}</dd>
    </div>
  );
}
