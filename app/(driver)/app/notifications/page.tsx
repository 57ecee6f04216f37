import type { Metadata } from "next";
import Link from "next/link";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listNotifications } from "@/lib/notifications";
import { MarkRead } from "@/components/notifications/mark-read";
import { NotificationList } from "@/components/notifications/notification-list";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const session = await requirePagePermission("driver:use", "/app/notifications");
  const items = await listNotifications(actorOf(session));
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            Campaigns and energy events that apply to you, and your results. Email copies:{" "}
            <Link href="/app/account#email-notices" className="font-medium text-brand-700 underline underline-offset-4">
              your account
            </Link>
            .
          </>
        }
      />
      <NotificationList items={items} />
      <MarkRead unread={items.filter((n) => !n.readAt).length} />
    </>
  );
}
