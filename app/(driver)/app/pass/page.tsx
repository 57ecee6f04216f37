import type { Metadata } from "next";
import { headers } from "next/headers";
import { actorOf, requirePagePermission } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { getBalances } from "@/lib/ledger";
import { mintSpendToken } from "@/lib/merchants";
import { SpendCode, type SpendCodeToken } from "@/components/driver/spend-code";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { NovaAmount } from "@/components/ui/nova-amount";
import { Notice } from "@/components/ui/notice";
import { AddToWallet } from "@/components/driver/add-to-wallet";
import { WalletCardPreview } from "@/components/driver/wallet-card-preview";
import { getWalletPassesView, walletPlatformOf } from "@/lib/wallet";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My pass" };

/** A first code comes with the page; the client replaces it before it runs out. */
async function firstCode(actor: Actor): Promise<SpendCodeToken | null> {
  try {
    const t = await mintSpendToken(actor);
    return {
      code: t.display,
      qrValue: t.qrValue,
      issuedAt: t.issuedAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      serverNow: Date.now(),
    };
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") return null; // the client asks again
    throw err;
  }
}

// What a refused "Add to Google Wallet" came back to say (a code, never text from the URL).
const WALLET_PROBLEMS: Record<string, string> = {
  google_unavailable: "Google Wallet is not answering right now. Try again in a few minutes.",
  google_busy: "Too many tries just now. Wait a minute, then try again.",
};

export default async function DriverPassPage({ searchParams }: { searchParams: Promise<{ wallet_problem?: string }> }) {
  const problem = WALLET_PROBLEMS[(await searchParams).wallet_problem ?? ""];
  const session = await requirePagePermission("driver:use", "/app/pass");
  const actor = actorOf(session);
  const [token, balances, wallet, userAgent] = await Promise.all([
    firstCode(actor),
    getBalances(actor, { ownerType: "DRIVER", ownerId: actor.userId }),
    getWalletPassesView(actor),
    headers().then((h) => h.get("user-agent")),
  ]);

  return (
    <>
      <BackLink href="/app/wallet">Wallet</BackLink>
      <Card className="mx-auto max-w-sm text-center">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">Pay with Nova</h1>
        <p className="mt-1 text-sm text-slate-600">
          Show this to the cashier: they scan it or type the code, then enter the amount.
        </p>
        <SpendCode initial={token} />
        <p className="mt-5 text-sm text-slate-600">
          Available: <NovaAmount amount={Number(balances.nova.available)} className="font-semibold text-slate-900" />
        </p>
        <p className="mt-4 border-t border-slate-100 pt-4 text-left text-xs text-slate-500">
          Each code pays once and changes every minute, so a code someone saw earlier cannot charge you. Every payment
          shows in your wallet with “Not me? Report it”.
        </p>
      </Card>
      <Card as="section" aria-labelledby="wallet-card-title" className="mx-auto mt-4 max-w-sm">
        <h2 id="wallet-card-title" className="text-lg font-semibold tracking-tight text-slate-900">
          Your card in your phone’s wallet
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Your balance on the lock screen, updated when it changes. Its code shows who you are; it never pays.
        </p>
        <WalletCardPreview
          holderName={wallet.card.holderName}
          novaAvailable={wallet.card.novaAvailable}
          novaHeld={wallet.card.novaHeld}
          cashText={wallet.card.cash}
        />
        <div className="mt-4">
          {problem ? (
            <Notice tone="warning" role="alert" className="mb-3">
              {problem}
            </Notice>
          ) : null}
          <AddToWallet view={wallet} platform={walletPlatformOf(userAgent)} />
        </div>
      </Card>
    </>
  );
}
