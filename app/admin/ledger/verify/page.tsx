import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { STATEMENT_FILE_LIMIT } from "@/lib/ledger";
import { checkAnyStatementAction } from "@/lib/actions/admin/check-statement";
import { StatementCheckForm } from "@/components/ledger/statement-check-form";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check a statement" };

export default async function AdminVerifyStatementPage() {
  await requirePagePermission("admin:view", "/admin/ledger/verify");
  return (
    <>
      <BackLink href="/admin/ledger">Ledger</BackLink>
      <PageHeader
        title="Check a statement"
        description="A statement a driver or merchant sent in (or one downloaded here), compared line by line with the ledger: where it first differs, and how many further problems."
      />
      <Card className="max-w-2xl">
        <StatementCheckForm
          limit={STATEMENT_FILE_LIMIT}
          action={checkAnyStatementAction}
          hint="Any statement CSV from a wallet, a merchant's reports or an account page, up to 2 MB. Same check as npm run ledger:verify-statement."
        />
      </Card>
    </>
  );
}
