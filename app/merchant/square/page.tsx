import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { getSquareStatus } from "@/lib/square";
import { param, type SearchParams } from "@/components/auth/search-params";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { SquareOutcome } from "@/components/merchant/square-outcome";
import { SquareStatusCard } from "@/components/merchant/square-status-card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Square" };

/** The merchant's Square connection: owners connect, reconnect and disconnect; staff see its state. */
export default async function MerchantSquarePage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("merchant:view", "/merchant/square");
  const { actor, working } = await loadCurrentMerchant();
  const header = (
    <PageHeader
      title="Square"
      description="Your point of sale: Nerava reads your Square sales to reward the drivers who shop with you."
    />
  );
  if (working.kind !== "one") {
    return (
      <>
        {header}
        <NoMerchant />
      </>
    );
  }
  const query = await searchParams;
  const square = await getSquareStatus(actor, working.merchant.id);
  return (
    <>
      {header}
      <div className="max-w-2xl space-y-4">
        {/* the redirect's query stays in the address: once disconnected, its "connected" no longer applies */}
        <SquareOutcome
          connected={square.status === "CONNECTED" ? param(query.connected) : undefined}
          error={param(query.error)}
        />
        <SquareStatusCard merchantId={working.merchant.id} square={square} />
      </div>
    </>
  );
}
