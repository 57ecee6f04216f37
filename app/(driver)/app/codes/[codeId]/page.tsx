import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { findDriverCode, formatCode, releaseExpiredHolds } from "@/lib/merchants/redemptions";
import { CancelCodeButton } from "@/components/driver/cancel-code-button";
import { CodeCountdown } from "@/components/driver/code-countdown";
import { BackLink } from "@/components/ui/back-link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { CheckCircleIcon, WalletIcon } from "@/components/ui/icons";
import { NovaAmount } from "@/components/ui/nova-amount";
import { QrCode } from "@/components/ui/qr-code";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your code" };

export default async function DriverCodePage({ params }: { params: Promise<{ codeId: string }> }) {
  const { codeId } = await params;
  const session = await requirePagePermission("driver:use", `/app/codes/${codeId}`);
  // a hold past its time goes back to the driver before anything is shown
  await releaseExpiredHolds({ actor: actorOf(session) });
  const code = await findDriverCode(actorOf(session), codeId);
  if (!code) notFound();
  const now = new Date();
  const formatted = formatCode(code.code);

  return (
    <>
      <BackLink href="/app/codes">My codes</BackLink>
      <div className="mb-5">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{code.offer.title}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {code.offer.merchant.name} · {code.offer.merchant.address}
        </p>
      </div>

      {code.status === "HELD" ? (
        <>
          <Card className="text-center">
            <p className="text-sm font-medium text-slate-600">Show this to the cashier</p>
            <p
              data-testid="redemption-code"
              className="mt-2 font-mono text-[1.7rem] font-semibold tracking-wider text-slate-900 sm:text-4xl"
            >
              {formatted}
            </p>
            <QrCode
              value={code.code}
              label={`QR code for ${formatted}`}
              className="mx-auto mt-4 w-56 border border-slate-200 sm:w-64"
            />
            <div className="mt-4">
              <CodeCountdown
                issuedAt={code.createdAt.toISOString()}
                expiresAt={code.expiresAt.toISOString()}
                serverNow={now.getTime()}
              />
            </div>
            <p className="mt-4 border-t border-slate-100 pt-4 text-sm text-slate-600">
              <NovaAmount amount={code.novaAmount} className="font-semibold text-slate-900" /> held for this code. It
              moves to {code.offer.merchant.name} only when the cashier confirms it.
            </p>
          </Card>
          <div className="mt-4">
            <CancelCodeButton codeId={code.id} nova={code.novaAmount} />
          </div>
        </>
      ) : code.status === "CONFIRMED" ? (
        <Card className="text-center">
          <CheckCircleIcon className="mx-auto size-12 text-brand-600" />
          <p role="status" className="mt-3 text-2xl font-semibold text-slate-900">
            Redeemed ✓
          </p>
          <p className="mt-1 text-sm text-slate-600">
            <NovaAmount amount={code.novaAmount} /> spent at {code.offer.merchant.name}. Enjoy!
          </p>
          <ButtonLink href="/app/wallet" variant="secondary" className="mt-5">
            <WalletIcon className="size-4" />
            See your wallet
          </ButtonLink>
        </Card>
      ) : (
        <Card className="text-center">
          <WalletIcon className="mx-auto size-12 text-slate-400" />
          <p role="status" className="mt-3 text-xl font-semibold text-slate-900">
            {code.expiresAt <= now ? "Expired — your Nova is back" : "Cancelled — your Nova is back"}
          </p>
          <p className="mt-1 text-sm text-slate-600">
            <NovaAmount amount={code.novaAmount} /> returned to your wallet. This code ({formatted}) no longer works.
          </p>
          <p className="mt-1 text-xs text-slate-500">Issued {formatDateTime(code.createdAt)}</p>
          <div className="mt-5 flex flex-wrap justify-center gap-2">
            <ButtonLink href="/app">Browse offers</ButtonLink>
            <ButtonLink href="/app/wallet" variant="secondary">
              Wallet
            </ButtonLink>
          </div>
        </Card>
      )}
    </>
  );
}
