import type { Team } from "@/lib/merchants";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { TeamRowAction } from "./team-row-action";

const roleLabel = { OWNER: "Owner", STAFF: "Staff" } as const;

/** Members (removable, except the last owner) and open invitations (revocable). */
export function TeamList({ team, merchantId }: { team: Team; merchantId: string }) {
  const owners = team.members.filter((m) => m.role === "OWNER").length;
  return (
    <div className="space-y-6">
      <Card as="section" aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Members ({team.members.length})
        </h2>
        <ul className="divide-y divide-slate-100">
          {team.members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="truncate font-medium text-slate-900">{m.name ?? m.email}</p>
                <p className="truncate text-sm text-slate-600">
                  {m.email} · joined <time dateTime={m.joinedAt.toISOString()}>{formatDate(m.joinedAt)}</time>
                </p>
              </div>
              <div className="flex items-center gap-3">
                <Badge tone={m.role === "OWNER" ? "brand" : "neutral"}>{roleLabel[m.role]}</Badge>
                {m.role === "OWNER" && owners <= 1 ? (
                  <span className="text-xs text-slate-500">Only owner</span>
                ) : (
                  <TeamRowAction
                    kind="remove"
                    merchantId={merchantId}
                    memberId={m.id}
                    who={m.name ?? m.email ?? "this member"}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card as="section" aria-labelledby="invites-heading">
        <h2 id="invites-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Open invitations ({team.invites.length})
        </h2>
        {team.invites.length === 0 ? (
          <p className="text-sm text-slate-600">No invitations waiting. Invite someone with the form.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {team.invites.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">{i.email}</p>
                  <p className="text-sm text-slate-600">
                    {roleLabel[i.role]} · {i.expired ? "expired" : "expires"}{" "}
                    <time dateTime={i.expiresAt.toISOString()}>{formatDate(i.expiresAt)}</time>
                  </p>
                </div>
                <TeamRowAction kind="revoke" merchantId={merchantId} inviteId={i.id} who={i.email} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
