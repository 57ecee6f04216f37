"use client";

import Link from "next/link";
import { formatUsd } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { useBalances } from "./queries/use-balances";

/**
 * The driver's balances, from the balances query: Nova to spend (and any held for codes or
 * pending verification), cash rewards to pay out.
 */
export function BalancesCard() {
  const { data } = useBalances();
  if (!data) return null;
  const { available: nova, held: heldNova, pending: pendingNova } = data.nova;
  const { available: cashCents, pending: pendingCents } = data.usd;
  const owedCents = data.usd.owedCents ?? Math.max(0, -cashCents);
  return (
    <section
      aria-labelledby="balances-heading"
      className="rounded-2xl bg-linear-to-br from-brand-600 to-brand-800 p-5 text-white shadow-sm"
    >
      <h2 id="balances-heading" className="text-sm font-medium text-brand-100">
        Balances
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-4">
        <div className="col-span-2 sm:col-span-1">
          <dt className="text-xs tracking-wide text-brand-200 uppercase">Nova available</dt>
          <dd data-testid="nova-available" className="mt-1 text-3xl font-semibold">
            <NovaAmount amount={nova} starClassName="text-brand-200" />
          </dd>
          {heldNova > 0 ? (
            <dd className="mt-1 text-sm text-brand-100">
              + <NovaAmount amount={heldNova} compact starClassName="text-brand-200" /> held for{" "}
              <Link href="/app/codes" className="font-medium text-white underline underline-offset-4">
                a code
              </Link>
            </dd>
          ) : null}
          {pendingNova > 0 ? (
            <dd data-testid="nova-pending" className="mt-1 text-sm text-brand-100">
              + <NovaAmount amount={pendingNova} compact starClassName="text-brand-200" /> pending verification
            </dd>
          ) : null}
        </div>
        <div className="col-span-2 sm:col-span-1">
          <dt className="text-xs tracking-wide text-brand-200 uppercase">Cash rewards</dt>
          <dd className="mt-1 text-3xl font-semibold tabular-nums">{formatUsd(cashCents)}</dd>
          {cashCents > 0 ? (
            <dd className="mt-1 text-sm text-brand-100">
              <Link href="/app/cash-out" className="font-medium text-white underline underline-offset-4">
                Cash out to your bank
              </Link>
            </dd>
          ) : null}
          {owedCents > 0 ? (
            <dd data-testid="usd-owed" className="mt-1 text-sm font-medium text-white">
              You owe {formatUsd(owedCents)} — a purchase was refunded after its reward was paid
            </dd>
          ) : null}
          {pendingCents > 0 ? (
            <dd className="mt-1 text-sm text-brand-100">+ {formatUsd(pendingCents)} pending</dd>
          ) : null}
          {cashCents === 0 && pendingCents === 0 ? (
            <dd className="mt-1 text-sm text-brand-100">Cash rewards arrive after your first verified charge.</dd>
          ) : null}
        </div>
      </dl>
    </section>
  );
}
