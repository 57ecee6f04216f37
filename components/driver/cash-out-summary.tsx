import Link from "next/link";
import type { ReactNode } from "react";
import { formatUsd } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { capitalize, limitsInWords, type CashOutLimits } from "./cash-out-amount";

type BreakdownProps = {
  amountCents: number;
  feeCents: number;
  arrival: string;
  bank: { name: string | null; last4: string };
};

/** What the confirm step spells out: the amount, the fee, what reaches the bank, when and where. */
export function CashOutBreakdown({ amountCents, feeCents, arrival, bank }: BreakdownProps) {
  const rows: [string, ReactNode][] = [
    ["From your wallet", formatUsd(amountCents)],
    ["Fee", feeCents > 0 ? formatUsd(feeCents) : "Free"],
    ["You receive", formatUsd(amountCents - feeCents)],
    ["Arrives", capitalize(arrival)],
    ["Bank", <BankName key="bank" bank={bank} />],
  ];
  return (
    <dl className="divide-y divide-brand-200/60 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="flex items-baseline justify-between gap-4 py-1.5">
          <dt className="text-brand-900/80">{label}</dt>
          <dd className="text-right font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Chase ••••1234" ("Bank" when Stripe gave no name); screen readers hear "ending in 1234". */
export function BankName({ bank }: { bank: { name: string | null; last4: string } }) {
  return (
    <span>
      {bank.name ?? "Bank"}{" "}
      <span className="whitespace-nowrap">
        <span aria-hidden="true">••••</span>
        <span className="sr-only">ending in </span>
        {bank.last4}
      </span>
    </span>
  );
}

/** Instead of the form while the balance is under the smallest cash-out, with the reason. */
export function TooLittleToCashOut({ availableCents, limits }: { availableCents: number; limits: CashOutLimits }) {
  if (availableCents >= limits.minCents)
    return (
      <Notice tone="info" role="note">
        You have reached today&apos;s cash-out limit of {formatUsd(limits.dailyCapCents)}. You can cash out again
        tomorrow.
      </Notice>
    );
  return (
    <Notice tone="info" role="note">
      You need at least {formatUsd(limits.minCents)} in cash rewards to cash out; you have {formatUsd(availableCents)}.{" "}
      {limitsInWords(limits)}
    </Notice>
  );
}

/** The line under the form: what reaches the bank once the fee is taken. */
export function YouGet({ amountCents, feeCents }: { amountCents: number; feeCents: number }) {
  return (
    <p className="text-sm text-slate-700">
      You get <span className="font-semibold text-slate-900 tabular-nums">{formatUsd(amountCents - feeCents)}</span> in
      your bank{feeCents > 0 ? ` (${formatUsd(amountCents)} less the ${formatUsd(feeCents)} fee)` : ""}.
    </p>
  );
}

type RequestedProps = {
  payoutId: string;
  replayed: boolean;
  netCents: number;
  arrival: string;
  bank: { name: string | null; last4: string };
};

/** After the request: what is on its way, where, when, and the link to follow it. */
export function CashOutRequested({ payoutId, replayed, netCents, arrival, bank }: RequestedProps) {
  return (
    <Notice tone="success" role="note">
      <p className="font-medium">
        {replayed ? "Already requested: " : "Cash-out requested: "}
        {formatUsd(netCents)} is on its way to <BankName bank={bank} /> ({arrival}).
      </p>
      <Link href={`/app/cash-out/${payoutId}`} className="mt-1 inline-block font-medium underline underline-offset-4">
        Follow this cash-out
      </Link>
    </Notice>
  );
}
