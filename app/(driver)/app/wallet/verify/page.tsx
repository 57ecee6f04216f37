import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { STATEMENT_FILE_LIMIT } from "@/lib/ledger";
import { checkWalletStatementAction } from "@/lib/actions/driver/check-statement";
import { StatementCheckForm } from "@/components/ledger/statement-check-form";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Check a statement" };

export default async function WalletVerifyPage() {
  await requirePagePermission("driver:use", "/app/wallet/verify");
  return (
    <>
      <BackLink href="/app/wallet">Wallet</BackLink>
      <PageHeader
        title="Check a statement"
        description="Choose a wallet statement you downloaded: we compare every line with the ledger and say where it first differs."
      />
      <Card>
        <StatementCheckForm
          limit={STATEMENT_FILE_LIMIT}
          action={checkWalletStatementAction}
          hint="The CSV from Wallet → Download CSV, up to 2 MB. Only statements of your own wallet can be checked."
        />
      </Card>
    </>
  );
}
