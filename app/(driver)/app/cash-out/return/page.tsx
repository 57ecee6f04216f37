import { CircleCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { refreshCashOutSetup } from "@/lib/payouts";
import { CashOutSetupCard } from "@/components/driver/cash-out-setup-card";
import { CheckAgainButton } from "@/components/driver/check-again-button";
import { BackLink } from "@/components/ui/back-link";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Cash-out setup" };

/**
 * Stripe's return_url: the driver left Stripe's setup (finished or not). Reads the account from
 * Stripe now, since its webhook may not have arrived yet, and says what comes next.
 */
export default async function CashOutSetupReturnPage() {
  const actor = actorOf(await requirePagePermission("driver:use", "/app/cash-out/return"));
  const setup = await refreshCashOutSetup(actor).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "provider_unavailable") return err;
    throw err;
  });

  return (
    <>
      <BackLink href="/app/cash-out">Cash out</BackLink>
      <PageHeader title="Cash-out setup" />
      {setup instanceof AppError ? (
        <div className="space-y-4">
          <Notice tone="warning" role="note">
            {setup.message}
          </Notice>
          <CheckAgainButton label="Try again" />
        </div>
      ) : setup.state === "ready" ? (
        <div className="space-y-4">
          <Notice tone="success" role="note" icon={<CircleCheckIcon className="size-4" />}>
            <p className="font-medium">Cash-out is ready</p>
            <p>Stripe has what it needs. You can send your cash rewards to your bank.</p>
          </Notice>
          <ButtonLink href="/app/cash-out" size="lg" className="w-full sm:w-auto">
            Cash out now
          </ButtonLink>
        </div>
      ) : (
        <CashOutSetupCard
          setup={setup}
          continueLabel={setup.state === "not_started" ? undefined : "Continue with Stripe"}
          onReturnPage
        />
      )}
    </>
  );
}
