import { BellIcon } from "lucide-react";
import Link from "next/link";

/** The top bar's link to the driver's notices, with the unread count when there are any. */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread > 0 ? `Notifications, ${unread} unread` : "Notifications";
  return (
    <Link
      href="/app/notifications"
      className="relative grid size-9 shrink-0 place-items-center rounded-full bg-slate-100 text-slate-700 hover:bg-slate-200"
      data-testid="notification-bell"
    >
      <BellIcon aria-hidden="true" className="size-5" />
      <span className="sr-only">{label}</span>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -top-1 -right-1 grid min-w-5 place-items-center rounded-full bg-rose-600 px-1 text-xs leading-5 font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
