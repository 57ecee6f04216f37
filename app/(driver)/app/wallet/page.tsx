import { BanknoteIcon, DownloadIcon, FileCheckIcon, QrCodeIcon, TagIcon, WalletIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { getOwnReviewHold } from "@/lib/risk";
import { getDriverBalances, listStatement } from "@/lib/ledger";
import { releaseExpiredHolds, reportedSpendIds } from "@/lib/merchants";
import { getNovaExpiry } from "@/lib/nova-expiry";
import { BalancesCard } from "@/components/driver/balances-card";
import { NovaExpiryNotice } from "@/components/driver/nova-expiry-notice";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { HydrateQueries } from "@/components/driver/queries/hydrate-queries";
import { walletActivity } from "@/components/driver/wallet-activity";
import { WalletActivityList } from "@/components/driver/wallet-activity-list";
import { ButtonLink, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Wallet" };

const SHOWN = 100;

export default async function WalletPage() {
  const actor = actorOf(await requirePagePermission("driver:use", "/app/wallet"));
  // expired holds go back to available before the balances are read
  await releaseExpiredHolds({ actor });
  const [balances, lines, review, expiry] = await Promise.all([
    getDriverBalances(actor),
    listStatement(actor, { ownerType: "DRIVER", ownerId: actor.userId }, SHOWN),
    getOwnReviewHold(actor),
    getNovaExpiry(actor),
  ]);
  const activity = walletActivity(lines);
  const reported = await reportedSpendIds(
    actor,
    activity.filter((a) => a.type === "DIRECT_SPEND").map((a) => a.transactionId),
  );

  return (
    <>
      <PageHeader title="Wallet" description="Nova to spend at partners, cash rewards to send to your bank." />
      {review ? (
        <Notice tone="warning" className="mb-4">
          {review.message}
        </Notice>
      ) : null}
      <HydrateQueries entries={[[driverQueryKeys.balances, balances]]}>
        <BalancesCard />
      </HydrateQueries>
      <NovaExpiryNotice expiry={expiry} />

      <nav aria-label="Wallet shortcuts" className="mt-4 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <ButtonLink href="/app/pass" variant="secondary">
          <QrCodeIcon className="size-4" />
          My pass
        </ButtonLink>
        <ButtonLink href="/app/codes" variant="secondary">
          <TagIcon className="size-4" />
          My codes
        </ButtonLink>
        <ButtonLink href="/app/cash-out" variant="secondary" className="col-span-2">
          <BanknoteIcon className="size-4" />
          Cash out
        </ButtonLink>
      </nav>

      <section aria-labelledby="activity-heading" className="mt-8">
        <SectionHeader
          id="activity-heading"
          title="Activity"
          description="What came in and went out, newest first. Times in UTC."
          actions={
            lines.length > 0 ? (
              <div className="flex flex-col items-end gap-1 sm:flex-row sm:items-center">
                <a href="/api/wallet/statement" download className={buttonVariants({ variant: "ghost", size: "sm" })}>
                  <DownloadIcon className="size-4" />
                  Download CSV
                </a>
                <ButtonLink href="/app/wallet/verify" variant="ghost" size="sm">
                  <FileCheckIcon className="size-4" />
                  Check a statement
                </ButtonLink>
              </div>
            ) : null
          }
        />
        {activity.length > 0 ? (
          <WalletActivityList activity={activity} reported={reported} />
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
