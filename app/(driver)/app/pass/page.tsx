import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { getBalances } from "@/lib/ledger";
import { getOrCreatePass } from "@/lib/merchants/redemptions";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { NovaAmount } from "@/components/ui/nova-amount";
import { QrCode } from "@/components/ui/qr-code";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My pass" };

export default async function DriverPassPage() {
  const session = await requirePagePermission("driver:use", "/app/pass");
  const [pass, balances] = await Promise.all([
    getOrCreatePass(actorOf(session)),
    getBalances(actorOf(session), { ownerType: "DRIVER", ownerId: session.user.id }),
  ]);

  return (
    <>
      <BackLink href="/app/wallet">Wallet</BackLink>
      <Card className="mx-auto max-w-sm text-center">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Show this to pay with Nova</h1>
        <p className="mt-1 text-sm text-slate-600">
          The cashier scans it and enters the amount; the Nova leaves your wallet at once.
        </p>
        <QrCode
          value={pass.qrValue}
          label="Your Nerava pass QR code"
          className="mx-auto mt-5 w-64 max-w-full border border-slate-200"
        />
        <p className="mt-5 text-sm text-slate-600">
          Available: <NovaAmount amount={Number(balances.nova.available)} className="font-semibold text-slate-900" />
        </p>
        <details className="mt-4 border-t border-slate-100 pt-4 text-left text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">Scanner not working?</summary>
          <p className="mt-2 text-slate-600">
            The cashier can type this pass number instead. Only show it to the cashier: it pays from your Nova.
          </p>
          <code className="mt-2 block rounded-lg bg-slate-100 px-3 py-2 font-mono text-sm break-all text-slate-900">
            {pass.serialNumber}
          </code>
        </details>
      </Card>
    </>
  );
}
