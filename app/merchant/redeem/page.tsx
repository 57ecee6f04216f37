import type { Metadata } from "next";
import { RedeemForm } from "@/components/merchant/redeem-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Redeem a code" };

export default function MerchantRedeemPage() {
  return (
    <>
      <PageHeader title="Redeem a code" description="Confirm a driver's offer at the counter." />
      <Card className="max-w-lg">
        <RedeemForm />
      </Card>
    </>
  );
}
