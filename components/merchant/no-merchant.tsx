import { StoreIcon } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown on every merchant page when there is no merchant to show yet. */
export function NoMerchant() {
  return (
    <EmptyState
      icon={<StoreIcon className="size-6" />}
      title="No merchant yet"
      description={
        <>
          Once a business is onboarded, its offers, redemptions and reports appear here. In development,{" "}
          <code className="rounded bg-slate-100 px-1 py-0.5 text-xs">npm run db:seed</code> creates a demo merchant.
        </>
      }
      action={
        <ButtonLink href="/" variant="secondary">
          Back to Nerava home
        </ButtonLink>
      }
    />
  );
}
