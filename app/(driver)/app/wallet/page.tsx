import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { BalancesCard } from "@/components/driver/balances-card";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { WalletIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Wallet" };

// Balances are zero until sign-in and the ledger arrive; then they come from the driver's accounts.
export default async function WalletPage() {
  await requirePagePermission("driver:use", "/app/wallet");
  return (
    <>
      <PageHeader title="Wallet" description="Nova to spend at partners, cash rewards to send to your bank." />
      <BalancesCard nova={0} cashCents={0} />
      <div className="mt-6">
        <EmptyState
          icon={<WalletIcon className="size-6" />}
          title="No rewards yet"
          description="Your Nova and cash rewards appear here after your first verified charge."
          action={<ButtonLink href="/app">Find a partner charger</ButtonLink>}
        />
      </div>
    </>
  );
}
