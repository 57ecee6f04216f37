import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { STATEMENT_FILE_LIMIT } from "@/lib/ledger";
import { checkMerchantStatementAction } from "@/lib/actions/merchant/check-statement";
import { StatementCheckForm } from "@/components/ledger/statement-check-form";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check a statement" };

export default async function MerchantVerifyStatementPage() {
  await requirePagePermission("merchant:view", "/merchant/reports/verify");
  return (
    <>
      <BackLink href="/merchant/reports">Reports</BackLink>
      <PageHeader
        title="Check a statement"
        description="Choose a statement you downloaded: we compare every line with the ledger and say where it first differs."
      />
      <Card className="max-w-2xl">
        <StatementCheckForm
          limit={STATEMENT_FILE_LIMIT}
          action={checkMerchantStatementAction}
          hint="The CSV from Reports → Download statement CSV, up to 2 MB. Only statements of businesses you belong to can be checked."
        />
      </Card>
    </>
  );
}
