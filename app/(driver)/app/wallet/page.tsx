import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { getBalances, listStatement } from "@/lib/ledger";
import { releaseExpiredHolds } from "@/lib/merchants/redemptions";
import { BalancesCard } from "@/components/driver/balances-card";
import { walletActivity } from "@/components/driver/wallet-activity";
import { WalletActivityList } from "@/components/driver/wallet-activity-list";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { DownloadIcon, QrIcon, TagIcon, WalletIcon } from "@/components/ui/icons";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Wallet" };

const SHOWN = 100;

export default async function WalletPage() {
  const session = await requirePagePermission("driver:use", "/app/wallet");
  // expired holds go back to available before the balances are read
  await releaseExpiredHolds({ actor: actorOf(session) });
  const [balances, lines] = await Promise.all([
    getBalances(actorOf(session), { ownerType: "DRIVER", ownerId: session.user.id }),
    listStatement(actorOf(session), { ownerType: "DRIVER", ownerId: session.user.id }, SHOWN),
  ]);
  const activity = walletActivity(lines);

  return (
    <>
      <PageHeader title="Wallet" description="Nova to spend at partners, cash rewards to send to your bank." />
      <BalancesCard
        nova={Number(balances.nova.available)}
        heldNova={Number(balances.nova.held)}
        cashCents={Number(balances.usd.available)}
        pendingNova={Number(balances.nova.pending)}
        pendingCents={Number(balances.usd.pending)}
      />

      <nav aria-label="Wallet shortcuts" className="mt-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <ButtonLink href="/app/pass" variant="secondary">
          <QrIcon className="size-4" />
          My pass
        </ButtonLink>
        <ButtonLink href="/app/codes" variant="secondary">
          <TagIcon className="size-4" />
          My codes
        </ButtonLink>
      </nav>

      <section aria-labelledby="activity-heading" className="mt-8">
        <SectionHeader
          id="activity-heading"
          title="Activity"
          description="What came in and went out, newest first. Times in UTC."
          actions={
            lines.length > 0 ? (
              <a href="/api/wallet/statement" download className={buttonClasses({ variant: "ghost", size: "sm" })}>
                <DownloadIcon className="size-4" />
                Download CSV
              </a>
            ) : null
          }
        />
        {activity.length > 0 ? (
          <WalletActivityList activity={activity} />
        ) : (
          <EmptyState
            level={3}
            icon={<WalletIcon className="size-6" />}
            title="No activity yet"
            description="Nova you earn or are given, and what you spend at partners, is listed here."
            action={<ButtonLink href="/app">Find a partner charger</ButtonLink>}
          />
        )}
      </section>
    </>
  );
}
