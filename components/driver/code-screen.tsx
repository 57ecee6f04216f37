"use client";

import { CircleCheckIcon, WalletIcon } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { CancelCodeButton } from "./cancel-code-button";
import { CodeCountdown } from "./code-countdown";
import { driverQueryKeys } from "./queries/keys";
import { useCodeStatus } from "./queries/use-code-status";
import { useInvalidateOnChange } from "./queries/use-invalidation";

type CodeScreenProps = {
  codeId: string;
  /** The code as the cashier reads it ("XXXX-XXXX-XXXX"). */
  formatted: string;
  merchantName: string;
  /** The code's QR, rendered on the server. */
  qr: ReactNode;
};

/**
 * A redemption code from its live status: the code, QR and countdown while it can be used, then
 * "Redeemed ✓" as soon as the cashier confirms it, or the Nova back once it expires or is cancelled.
 */
export function CodeScreen({ codeId, formatted, merchantName, qr }: CodeScreenProps) {
  const { data: code } = useCodeStatus(codeId);
  // a used or returned code moves the held Nova: the balances change
  useInvalidateOnChange(code?.state ?? "", driverQueryKeys.balances);
  if (!code) return null;

  if (code.state === "live") {
    return (
      <>
        <Card className="text-center">
          <p className="text-sm font-medium text-slate-600">Show this to the cashier</p>
          <p
            data-testid="redemption-code"
            className="mt-2 font-mono text-[1.7rem] font-semibold tracking-wider text-slate-900 sm:text-4xl"
          >
            {formatted}
          </p>
          {qr}
          <div className="mt-4">
            <CodeCountdown issuedAt={code.issuedAt} expiresAt={code.expiresAt} serverNow={code.now} />
          </div>
          <p className="mt-4 border-t border-slate-100 pt-4 text-sm text-slate-600">
            <NovaAmount amount={code.novaAmount} className="font-semibold text-slate-900" /> held for this code. It
            moves to {merchantName} only when the cashier confirms it.
          </p>
        </Card>
        <div className="mt-4">
          <CancelCodeButton codeId={code.id} nova={code.novaAmount} />
        </div>
      </>
    );
  }

  if (code.state === "redeemed") {
    return (
      <Card className="text-center">
        <CircleCheckIcon className="mx-auto size-12 text-brand-600" />
        <p role="status" className="mt-3 text-2xl font-semibold text-slate-900">
          Redeemed ✓
        </p>
        <p className="mt-1 text-sm text-slate-600">
          <NovaAmount amount={code.novaAmount} /> spent at {merchantName}. Enjoy!
        </p>
        <ButtonLink href="/app/wallet" variant="secondary" className="mt-5">
          <WalletIcon className="size-4" />
          See your wallet
        </ButtonLink>
      </Card>
    );
  }

  return (
    <Card className="text-center">
      <WalletIcon className="mx-auto size-12 text-slate-400" />
      <p role="status" className="mt-3 text-xl font-semibold text-slate-900">
        {code.state === "expired" ? "Expired — your Nova is back" : "Cancelled — your Nova is back"}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        <NovaAmount amount={code.novaAmount} /> returned to your wallet. This code ({formatted}) no longer works.
      </p>
      <p className="mt-1 text-xs text-slate-500">Issued {formatDateTime(new Date(code.issuedAt))}</p>
      <div className="mt-5 flex flex-wrap justify-center gap-2">
        <ButtonLink href="/app">Browse offers</ButtonLink>
        <ButtonLink href="/app/wallet" variant="secondary">
          Wallet
        </ButtonLink>
      </div>
    </Card>
  );
}
