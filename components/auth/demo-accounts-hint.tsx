import Link from "next/link";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo";

/** Development only (the caller checks): the seeded sign-ins and where sandbox messages land. */
export function DemoAccountsHint() {
  return (
    <aside
      aria-labelledby="demo-hint-heading"
      className="mt-8 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm"
    >
      <h2 id="demo-hint-heading" className="font-semibold text-slate-900">
        Demo accounts
      </h2>
      <p className="mt-1 text-slate-700">
        Password <code className="rounded bg-white px-1 py-0.5 text-xs">{DEMO_PASSWORD}</code> for each:
      </p>
      <ul className="mt-2 space-y-1">
        {DEMO_ACCOUNTS.map((a) => (
          <li key={a.email} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-mono text-xs break-all text-slate-800">{a.email}</span>
            <span className="text-xs text-slate-500">{a.role}</span>
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <Link href="/dev/outbox" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          See sandbox email and SMS
        </Link>
      </p>
    </aside>
  );
}
