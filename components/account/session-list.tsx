import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { describeDevice } from "./describe-device";
import { RevokeSessionButton } from "./revoke-session-button";

export type SignedInDevice = {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
};

/** Every live session of the account, this one first; the others can be signed out one by one. */
export function SessionList({ sessions, currentSessionId }: { sessions: SignedInDevice[]; currentSessionId: string }) {
  const ordered = [...sessions].sort((a, b) => Number(b.id === currentSessionId) - Number(a.id === currentSessionId));
  return (
    <ul
      aria-label="Signed-in devices"
      className="divide-y divide-slate-100 rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      {ordered.map((s) => {
        const device = describeDevice(s.userAgent);
        const current = s.id === currentSessionId;
        return (
          <li
            key={s.id}
            className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:px-5"
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {device}
                {current ? <Badge tone="brand">This device</Badge> : null}
              </p>
              <p className="mt-0.5 text-sm text-slate-500">
                {s.ip ? <span className="font-mono text-xs">{s.ip}</span> : "IP unknown"}
                <span aria-hidden="true"> · </span>
                Last seen <time dateTime={s.lastSeenAt.toISOString()}>{formatDateTime(s.lastSeenAt)}</time>
              </p>
              <p className="text-xs text-slate-500">
                Signed in <time dateTime={s.createdAt.toISOString()}>{formatDateTime(s.createdAt)}</time>
              </p>
            </div>
            {current ? null : <RevokeSessionButton sessionId={s.id} device={device} />}
          </li>
        );
      })}
    </ul>
  );
}
