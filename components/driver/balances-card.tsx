import { formatUsd } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";

/** The driver's two balances: Nova to spend at merchants, cash rewards to pay out. */
export function BalancesCard({ nova, cashCents }: { nova: number; cashCents: number }) {
  return (
    <section
      aria-labelledby="balances-heading"
      className="rounded-2xl bg-linear-to-br from-brand-600 to-brand-800 p-5 text-white shadow-sm"
    >
      <h2 id="balances-heading" className="text-sm font-medium text-brand-100">
        Balances
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-4">
        <div>
          <dt className="text-xs uppercase tracking-wide text-brand-200">Nova</dt>
          <dd className="mt-1 text-2xl font-semibold">
            <NovaAmount amount={nova} starClassName="text-brand-200" />
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-brand-200">Cash rewards</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{formatUsd(cashCents)}</dd>
        </div>
      </dl>
    </section>
  );
}
