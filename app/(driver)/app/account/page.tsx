import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { getNotificationPreference } from "@/lib/notifications";
import { AccountPanel } from "@/components/account/account-panel";
import { EmailNoticesForm } from "@/components/notifications/email-notices-form";
import { PageHeader } from "@/components/ui/page-header";
import { InstallAppButton } from "@/components/pwa/install-app-button";

export const metadata: Metadata = { title: "Account" };

export default async function DriverAccountPage() {
  const session = await requirePagePermission("driver:use", "/app/account");
  const notices = await getNotificationPreference(actorOf(session));
  return (
    <>
      <PageHeader title="Account" description="Your profile, the devices you are signed in on, and your password." />
      <InstallAppButton />
      <AccountPanel session={session} />
      <EmailNoticesForm email={notices.email} />
    </>
  );
}
