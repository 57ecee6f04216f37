import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { AccountPanel } from "@/components/account/account-panel";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const session = await requirePagePermission("account:manage", "/account");
  return (
    <>
      <PageHeader title="Account" description="Your profile, the devices you are signed in on, and your password." />
      <AccountPanel session={session} />
    </>
  );
}
