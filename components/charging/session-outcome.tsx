import { CircleCheckIcon, ClockIcon, ListIcon, TriangleAlertIcon, WalletIcon, type LucideIcon } from "lucide-react";
import type { RecentSessionView } from "@/lib/charging";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FocusOutcome } from "./focus-outcome";
import { SessionStatusBadge } from "./session-status-badge";

type SessionOutcomeProps = {
  session: RecentSessionView;
  /** The server's clock when it was read. */ serverNow: number;
};

/** Ended this recently (the driver just tapped Stop): bring the outcome into view. */
const JUST_ENDED_MS = 60_000;

const outcomes: Record<string, { title: string; lead: string; icon: LucideIcon; iconClass: string }> = {
  PENDING_WITNESS: {
    title: "Charging stopped",
    lead: "Verifying with your car’s final report — your reward shows as pending until then.",
    icon: ClockIcon,
    iconClass: "bg-amber-50 text-amber-700",
  },
  VERIFIED: {
    title: "Session verified",
    lead: "Your reward is available in your wallet.",
    icon: CircleCheckIcon,
    iconClass: "bg-brand-50 text-brand-700",
  },
  UNVERIFIED: {
    title: "Session not verified",
    lead: "We couldn’t confirm this session, so it didn’t earn a reward. If you did charge here, file a claim from your sessions.",
    icon: TriangleAlertIcon,
    iconClass: "bg-rose-50 text-rose-700",
  },
};

/**
 * The result of the session that just ended. While it waits for the car's final report the
 * charging query keeps polling, so "verified" appears without a reload.
 */
export function SessionOutcome({ session, serverNow }: SessionOutcomeProps) {
  const outcome = outcomes[session.status];
  if (!outcome) return null;
  const Icon = outcome.icon;
  const justEnded = serverNow - Date.parse(session.endedAt) < JUST_ENDED_MS;
  return (
    <Card as="section" aria-labelledby="outcome-heading" className="mb-8">
      {justEnded ? <FocusOutcome headingId="outcome-heading" /> : null}
      <div role="status" className="flex items-start gap-3">
        <span
          className={`grid size-10 shrink-0 place-items-center rounded-full ${outcome.iconClass}`}
          aria-hidden="true"
        >
          <Icon className="size-5" />
        </span>
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id="outcome-heading" tabIndex={-1} className="text-lg font-semibold text-slate-900 outline-none">
              {outcome.title}
            </h2>
            <SessionStatusBadge status={session.status} />
          </div>
          <p className="text-sm text-slate-600">At {session.charger.name}</p>
          <p className="mt-3 text-sm font-medium text-slate-900">{outcome.lead}</p>
          {session.verificationReason ? (
            <p className="mt-1 text-sm text-slate-600">{session.verificationReason}</p>
          ) : null}
        </div>
      </div>
      <div className="mt-4 grid grid-cols-2 gap-2 sm:flex">
        <ButtonLink href="/app/wallet">
          <WalletIcon className="size-4" />
          Wallet
        </ButtonLink>
        <ButtonLink href="/app/sessions" variant="secondary">
          <ListIcon className="size-4" />
          My sessions
        </ButtonLink>
      </div>
    </Card>
  );
}
