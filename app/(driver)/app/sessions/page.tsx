import { ZapIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listDriverSessions } from "@/lib/charging";
import { SessionCard } from "@/components/charging/session-card";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sessions" };

const SHOWN = 50;

export default async function SessionsPage() {
  const session = await requirePagePermission("driver:use", "/app/sessions");
  const sessions = await listDriverSessions(actorOf(session), SHOWN);

  return (
    <>
      <PageHeader
        title="Charging sessions"
        description="Each session, whether it verified and why. Times in UTC."
        actions={
          sessions.length > 0 ? (
            <ButtonLink href="/app/charge" size="sm">
              Start charging
            </ButtonLink>
          ) : null
        }
      />
      {sessions.length === 0 ? (
        <EmptyState
          icon={<ZapIcon className="size-6" />}
          title="No sessions yet"
          description="Check in when you plug in at a charger; your sessions and their rewards appear here."
          action={<ButtonLink href="/app/charge">Start charging</ButtonLink>}
        />
      ) : (
        <ul className="space-y-3">
          {sessions.map((s) => (
            <SessionCard key={s.id} session={s} />
          ))}
        </ul>
      )}
    </>
  );
}
