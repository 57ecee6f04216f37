import { StoreIcon } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { loadCurrentMerchant } from "./current-dashboard";
import { MerchantSwitcher } from "./merchant-switcher";

/** Shown on every merchant page when there is no merchant to show yet, or the member must choose one. */
export async function NoMerchant() {
  const { working } = await loadCurrentMerchant();
  if (working.kind === "choose") {
    return (
      <EmptyState
        icon={<StoreIcon className="size-6" />}
        title="Choose a merchant"
        description="You belong to several merchants. Choose the one you are working on now."
        action={<MerchantSwitcher merchants={working.merchants} />}
      />
    );
  }
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
