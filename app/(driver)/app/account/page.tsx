import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { UserIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Account" };

export default function AccountPage() {
  return (
    <>
      <PageHeader title="Account" />
      <EmptyState
        icon={<UserIcon className="size-6" />}
        title="Sign-in arrives soon"
        description="Your profile, sign-in methods and payout details will live here. Until then the app shows public chargers and offers."
        action={
          <>
            <ButtonLink href="/">Nerava home</ButtonLink>
            <ButtonLink href="/#drivers" variant="secondary">
              How Nerava works
            </ButtonLink>
          </>
        }
      />
    </>
  );
}
