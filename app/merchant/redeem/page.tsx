import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { DirectSpendForm } from "@/components/merchant/direct-spend-form";
import { MerchantReviewState } from "@/components/merchant/merchant-review-state";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { RedeemForm } from "@/components/merchant/redeem-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Redeem a code" };

export default async function MerchantRedeemPage() {
  await requirePagePermission("merchant:operate", "/merchant/redeem");
  const { working, dashboard } = await loadCurrentMerchant();
  const merchantId = working.kind === "one" ? working.merchant.id : null;
  if (dashboard && dashboard.merchant.status !== "ACTIVE") {
    return (
      <>
        <PageHeader title="Redeem" />
        <MerchantReviewState status={dashboard.merchant.status} reason={dashboard.merchant.statusReason} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Redeem"
        description="Confirm a driver’s offer code, or take Nova with the spend code in their app, at the counter."
      />
      {!merchantId ? (
        <NoMerchant />
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-2">
          <Card as="section" aria-labelledby="code-heading">
            <h2 id="code-heading" className="text-lg font-semibold text-slate-900">
              Confirm a code
            </h2>
            <p className="mt-1 mb-4 text-sm text-slate-600">
              The driver shows a code from the Nerava app. Confirming moves the Nova to you.
            </p>
            <RedeemForm merchantId={merchantId} />
          </Card>
          <Card as="section" aria-labelledby="pass-heading">
            <h2 id="pass-heading" className="text-lg font-semibold text-slate-900">
              Take Nova with a spend code
            </h2>
            <p className="mt-1 mb-4 text-sm text-slate-600">
              For purchases without an offer: scan or type the spend code from the driver’s app and enter the amount.
            </p>
            <DirectSpendForm merchantId={merchantId} idempotencyKey={crypto.randomUUID()} />
          </Card>
        </div>
      )}
    </>
  );
}
