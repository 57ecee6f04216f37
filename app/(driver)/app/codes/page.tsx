import { QrCodeIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { formatCode, listDriverCodes, releaseExpiredHolds } from "@/lib/merchants";
import { CodeStatusBadge } from "@/components/driver/code-status-badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My codes" };

export default async function DriverCodesPage() {
  const session = await requirePagePermission("driver:use", "/app/codes");
  await releaseExpiredHolds({ actor: actorOf(session) });
  const codes = await listDriverCodes(actorOf(session));
  const now = new Date();

  return (
    <>
      <PageHeader title="My codes" description="Codes for offers you redeemed, newest first." />
      {codes.length === 0 ? (
        <EmptyState
          icon={<QrCodeIcon className="size-6" />}
          title="No codes yet"
          description="Redeem an offer and its code appears here, ready to show the cashier."
          action={<ButtonLink href="/app">Browse offers</ButtonLink>}
        />
      ) : (
        <ul className="space-y-3">
          {codes.map((code) => {
            const live = code.status === "HELD" && code.expiresAt > now;
            return (
              <li key={code.id}>
                <Link
                  href={`/app/codes/${code.id}`}
                  className="block rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-300 hover:bg-brand-50/40"
                >
                  <span className="flex items-start justify-between gap-3">
                    <span className="min-w-0">
                      <span className="block font-semibold text-slate-900">{code.offer.title}</span>
                      <span className="block text-sm text-slate-600">{code.offer.merchant.name}</span>
                    </span>
                    <CodeStatusBadge code={code} now={now} />
                  </span>
                  <span className="mt-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
                    {live ? (
                      <span className="font-mono font-semibold tracking-wider text-slate-900">
                        {formatCode(code.code)}
                      </span>
                    ) : (
                      <span className="text-slate-500">
                        {code.status === "CONFIRMED" && code.settledAt ? "Redeemed " : "Issued "}
                        <time dateTime={(code.settledAt ?? code.createdAt).toISOString()}>
                          {formatDateTime(code.settledAt ?? code.createdAt)}
                        </time>
                      </span>
                    )}
                    <NovaAmount amount={code.novaAmount} className="font-medium text-slate-700" />
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
