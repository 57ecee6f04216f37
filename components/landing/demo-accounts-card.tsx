import Link from "next/link";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo";
import { Badge } from "@/components/ui/badge";

/** Development only: the seeded sign-ins, one per surface. */
export function DemoAccountsCard() {
  return (
    <section aria-labelledby="demo-heading" className="rounded-3xl border border-amber-200 bg-amber-50 p-6 sm:p-8">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="demo-heading" className="text-lg font-semibold text-slate-900">
          Demo accounts
        </h2>
        <Badge tone="warning">Development only</Badge>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        Created by <code className="rounded bg-white px-1 py-0.5 text-xs">npm run db:seed</code>. Every account uses the
        password <code className="rounded bg-white px-1 py-0.5 text-xs">{DEMO_PASSWORD}</code>.
      </p>
      <ul className="mt-4 grid gap-3 md:grid-cols-3">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email} className="rounded-2xl border border-amber-200 bg-white p-4">
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{account.role}</p>
            <p className="mt-1 font-medium text-slate-900">{account.name}</p>
            <p className="font-mono text-sm break-all text-slate-600">{account.email}</p>
            <Link
              href={account.surface}
              className="mt-3 inline-block text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
            >
              Open {account.surface}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
