import { BookTextIcon, DownloadIcon, FileCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getAccountOwner } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { getBalances, listStatement } from "@/lib/ledger";
import { TopUpForm } from "@/components/admin/top-up-form";
import { StatementTable } from "@/components/ledger/statement-table";
import { Card } from "@/components/ui/card";
import { BackLink } from "@/components/ui/back-link";
import { ButtonLink, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUsd } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

const account = z.object({ ownerType: z.enum(["DRIVER", "MERCHANT"]), ownerId: z.string().min(1).max(64) });
const SHOWN = 100;

export default async function AdminAccountPage({
  params,
}: {
  params: Promise<{ ownerType: string; ownerId: string }>;
}) {
  const raw = await params;
  const actor = actorOf(await requirePagePermission("admin:view", `/admin/accounts/${raw.ownerType}/${raw.ownerId}`));
  const parsed = account.safeParse(raw);
  if (!parsed.success) notFound();
  const { ownerType, ownerId } = parsed.data;
  const owner = await getAccountOwner(actor, ownerType, ownerId);
  if (!owner) notFound();
  const [balances, lines] = await Promise.all([
    getBalances(actor, { ownerType, ownerId }),
    listStatement(actor, { ownerType, ownerId }, SHOWN),
  ]);
  const isDriver = ownerType === "DRIVER";

  return (
    <>
      <BackLink href="/admin/ledger">Ledger</BackLink>
      <PageHeader
        title={owner.name}
        description={`${isDriver ? "Driver" : "Merchant"}${owner.detail ? ` · ${owner.detail}` : ""}`}
        actions={
          <>
            <a
              href={`/api/admin/accounts/${ownerType}/${ownerId}/statement`}
              download
              className={buttonVariants({ variant: "secondary" })}
            >
              <DownloadIcon className="size-4" />
              Download CSV
            </a>
            <ButtonLink href="/admin/ledger/verify" variant="ghost">
              <FileCheckIcon className="size-4" />
              Check a statement
            </ButtonLink>
          </>
        }
      />
      <StatGrid label="Balances">
        <StatCard
          label={isDriver ? "Nova available" : "Nova received"}
          value={<NovaAmount amount={Number(balances.nova.available)} compact />}
        />
        {isDriver ? (
          <>
            <StatCard
              label="Nova held"
              value={<NovaAmount amount={Number(balances.nova.held)} compact />}
              hint="Behind codes waiting at a counter"
            />
            {balances.nova.pending > 0n ? (
              <StatCard label="Nova pending" value={<NovaAmount amount={Number(balances.nova.pending)} compact />} />
            ) : null}
          </>
        ) : null}
        <StatCard
          label="Cash"
          value={formatUsd(Number(balances.usd.available))}
          hint={balances.usd.pending > 0n ? `${formatUsd(Number(balances.usd.pending))} pending` : undefined}
        />
      </StatGrid>

      {isDriver ? null : (
        <section aria-labelledby="topup-heading" className="mt-10">
          <SectionHeader
            id="topup-heading"
            title="Record a top-up"
            description="Money the merchant sent us becomes their prepaid cash, which funds purchase rewards."
          />
          <Card>
            <TopUpForm merchantId={ownerId} merchantName={owner.name} />
          </Card>
        </section>
      )}

      <section aria-labelledby="statement-heading" className="mt-10">
        <SectionHeader
          id="statement-heading"
          title="Statement"
          description={
            lines.length === SHOWN
              ? `The ${SHOWN} newest entries; download the CSV for more.`
              : "Every entry, newest first. Times in UTC."
          }
        />
        {lines.length > 0 ? (
          <StatementTable
            lines={lines}
            caption={`Statement for ${owner.name}`}
            showAccount
            transactionHref={(id) => `/admin/ledger/${id}`}
          />
        ) : (
          <EmptyState
            level={3}
            icon={<BookTextIcon className="size-6" />}
            title="No entries yet"
            description="Grants, redemptions and payments to or from this account will be listed here."
          />
        )}
      </section>
    </>
  );
}
