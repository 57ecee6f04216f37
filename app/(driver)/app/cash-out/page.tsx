import { CirclePauseIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { getOwnReviewHold } from "@/lib/risk";
import { isEnabled } from "@/lib/flags";
import { getDriverBalances } from "@/lib/ledger";
import { expectedArrivalText, getCashOutSetup, listCashOuts, payoutLimits, remainingToday } from "@/lib/payouts";
import { CashOutForm } from "@/components/driver/cash-out-form";
import { CashOutHistory } from "@/components/driver/cash-out-history";
import { CashOutSetupCard } from "@/components/driver/cash-out-setup-card";
import { BankName } from "@/components/driver/cash-out-summary";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { formatUsd } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cash out" };

const arrival = { STANDARD: expectedArrivalText("STANDARD"), INSTANT: expectedArrivalText("INSTANT") };

export default async function CashOutPage() {
  const actor = actorOf(await requirePagePermission("driver:use", "/app/cash-out"));
  const [enabled, setup, balances, history, remainingTodayCents, review] = await Promise.all([
    isEnabled("PAYOUTS_ENABLED"),
    getCashOutSetup(actor),
    getDriverBalances(actor),
    listCashOuts(actor),
    remainingToday(actor.userId),
    getOwnReviewHold(actor),
  ]);
  const { available, pending } = balances.usd;

  return (
    <>
      <BackLink href="/app/wallet">Wallet</BackLink>
      <PageHeader title="Cash out" description="Send your cash rewards to your bank." />

      {review ? (
        <Notice tone="warning" className="mb-4">
          {review.message}
        </Notice>
      ) : null}
      <Card className="mb-4">
        <p className="text-sm font-medium text-slate-600">Available to cash out</p>
        <p className="mt-1 text-3xl font-semibold text-slate-900 tabular-nums">{formatUsd(available)}</p>
        {pending > 0 ? (
          <p className="mt-1 text-sm text-slate-600">+ {formatUsd(pending)} pending verification</p>
        ) : null}
      </Card>

      {!enabled ? (
        <Notice tone="warning" role="note" icon={<CirclePauseIcon className="size-4" />}>
          <p className="font-medium">Cash-out is paused right now</p>
          <p>Your cash rewards are safe. Cash-outs you already asked for wait and are sent once it is back on.</p>
        </Notice>
      ) : setup.state !== "ready" || !setup.bank ? (
        <CashOutSetupCard setup={setup} />
      ) : (
        <Card as="section" aria-labelledby="cash-out-heading">
          <div className="mb-4 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
            <h2 id="cash-out-heading" className="text-base font-semibold text-slate-900">
              Cash out to your bank
            </h2>
            <p className="text-sm text-slate-600">
              <BankName bank={setup.bank} />
            </p>
          </div>
          <CashOutForm
            availableCents={available}
            limits={{ ...payoutLimits(), remainingTodayCents }}
            bank={setup.bank}
            instantAvailable={setup.instantAvailable}
            arrival={arrival}
            idempotencyKey={crypto.randomUUID()}
          />
        </Card>
      )}

      <section aria-labelledby="history-heading" className="mt-8">
        <SectionHeader id="history-heading" title="Your cash-outs" description="Newest first. Times in UTC." />
        <CashOutHistory rows={history} paused={!enabled} />
      </section>
    </>
  );
}
