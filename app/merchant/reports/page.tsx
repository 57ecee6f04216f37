import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Reports" };

export default function MerchantReportsPage() {
  return (
    <>
      <PageHeader title="Reports" description="Visits, redemptions and sales the program brings you." />
      <EmptyState
        icon={<ChartIcon className="size-6" />}
        title="No reports yet"
        description="Reports and CSV export appear once drivers redeem offers."
      />
    </>
  );
}
