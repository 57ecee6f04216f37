import { BellIcon, MegaphoneIcon, MoonIcon, TrophyIcon } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";

export type NoticeItem = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
  /** Set when the campaign or event no longer pays as the notice said (paused, ended, cancelled…). */
  standing: { label: string; note: string } | null;
};

const ICON: Record<string, typeof BellIcon> = {
  campaign: MegaphoneIcon,
  energy_event: MoonIcon,
  event_result: TrophyIcon,
};

/**
 * The driver's notices, newest first; unread ones marked. Text from the database is rendered as text.
 * A notice whose campaign or event no longer pays says so first, its old promise struck through.
 */
export function NotificationList({ items }: { items: NoticeItem[] }) {
  if (items.length === 0)
    return (
      <EmptyState
        icon={<BellIcon className="size-6" />}
        title="No notices yet"
        description="Campaigns and energy events that apply to you appear here."
      />
    );
  return (
    <ul className="space-y-3" data-testid="notifications">
      {items.map((n) => {
        const Icon = ICON[n.kind] ?? BellIcon;
        return (
          <Card as="li" key={n.id} className={n.readAt ? undefined : "border-brand-300 bg-brand-50/40"}>
            <div className="flex items-start gap-3">
              <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-600" />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 font-medium break-words text-slate-900">
                  <span>
                    {n.readAt ? null : <span className="sr-only">New: </span>}
                    {n.title}
                  </span>
                  {n.standing ? <Badge tone="warning">{n.standing.label}</Badge> : null}
                </p>
                {n.standing ? (
                  <>
                    <p className="mt-1 text-sm font-medium break-words text-amber-900" data-testid="notice-standing">
                      {n.standing.note}
                    </p>
                    <p className="mt-1 text-sm break-words text-slate-500">
                      <span className="sr-only">It said: </span>
                      <s className="decoration-slate-400">{n.body}</s>
                    </p>
                  </>
                ) : (
                  <p className="mt-1 text-sm break-words text-slate-600">{n.body}</p>
                )}
                <p className="mt-1 flex flex-wrap items-center gap-x-3 text-xs text-slate-500">
                  <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
                  {n.link && !n.standing ? (
                    <Link href={n.link} className="font-medium text-brand-700 underline underline-offset-4">
                      See it
                    </Link>
                  ) : null}
                </p>
              </div>
            </div>
          </Card>
        );
      })}
    </ul>
  );
}
