import { ClockIcon, ZapIcon } from "lucide-react";
import type { listDriverSessions } from "@/lib/charging";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ClaimForm } from "./claim-form";
import { SessionStatusBadge } from "./session-status-badge";

export type DriverSession = Awaited<ReturnType<typeof listDriverSessions>>[number];

const claims: Record<string, { tone: BadgeTone; label: string }> = {
  OPEN: { tone: "info", label: "Claim under review" },
  APPROVED: { tone: "brand", label: "Claim approved" },
  REJECTED: { tone: "danger", label: "Claim rejected" },
};

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString("en-US");

function duration(from: Date, to: Date): string {
  const seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** What the session delivered: "12.4 kWh · battery 54% → 61%". */
function energy(s: DriverSession): string | null {
  const parts: string[] = [];
  if (s.kwhDelivered !== null) parts.push(`${oneDecimal(s.kwhDelivered)} kWh`);
  if (s.batteryStart !== null && s.batteryEnd !== null) {
    const gained = Math.max(0, s.batteryEnd - s.batteryStart);
    parts.push(`battery ${Math.round(s.batteryStart)}% → ${Math.round(s.batteryEnd)}% (+${oneDecimal(gained)}%)`);
  }
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** One charging session: where, when, status in words, why, what it delivered, and its claim. */
export function SessionCard({ session: s }: { session: DriverSession }) {
  const delivered = energy(s);
  // ended without verifying (or still waiting after it ended) and no claim yet: the driver may ask
  const claimable = !s.claim && (s.status === "UNVERIFIED" || (s.status === "PENDING_WITNESS" && s.endedAt !== null));
  return (
    <Card as="li">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="font-semibold text-slate-900">{s.charger.name}</h2>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
            <time dateTime={s.startedAt.toISOString()}>{formatDateTime(s.startedAt)}</time>
            {s.endedAt ? (
              <span className="inline-flex items-center gap-1 text-slate-500">
                <ClockIcon className="size-3.5" />
                {duration(s.startedAt, s.endedAt)}
              </span>
            ) : null}
          </p>
        </div>
        <SessionStatusBadge status={s.status} />
      </div>

      {s.verificationReason ? <p className="mt-3 text-sm text-slate-700">{s.verificationReason}</p> : null}
      {delivered ? (
        <p className="mt-2 flex items-center gap-1.5 text-sm text-slate-600">
          <ZapIcon className="size-4 text-amber-500" />
          {delivered}
        </p>
      ) : null}

      {s.claim ? (
        <div className="mt-3 rounded-xl bg-slate-50 px-3 py-2 text-sm">
          <Badge tone={claims[s.claim.status]?.tone ?? "neutral"}>
            {claims[s.claim.status]?.label ?? s.claim.status}
          </Badge>
          {/* an approval already reads "Approved on review: <note>" above */}
          {s.claim.decisionNote && !s.verificationReason?.includes(s.claim.decisionNote) ? (
            <p className="mt-1 text-slate-700">{s.claim.decisionNote}</p>
          ) : null}
          {s.claim.status === "OPEN" ? (
            <p className="mt-1 text-slate-600">A person is checking this session’s readings.</p>
          ) : null}
        </div>
      ) : null}
      {claimable ? (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <ClaimForm sessionId={s.id} chargerName={s.charger.name} />
        </div>
      ) : null}
    </Card>
  );
}
