"use client";

import Link from "next/link";
import { NovaAmount } from "@/components/ui/nova-amount";
import { useBalances } from "./queries/use-balances";

/** The top bar's available Nova, from the balances query, linking to the wallet. */
export function NovaBalanceLink() {
  const { data } = useBalances();
  return (
    <Link
      href="/app/wallet"
      className="rounded-full bg-brand-50 px-3 py-1.5 text-sm font-semibold text-brand-900 ring-1 ring-brand-200 ring-inset hover:bg-brand-100"
    >
      <span className="sr-only">Nova balance: </span>
      <NovaAmount amount={data?.nova.available ?? 0} compact />
    </Link>
  );
}
