import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { can } from "@/lib/access";
import { listFlags } from "@/lib/flags";
import { FlagToggle } from "@/components/admin/flag-toggle";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Feature flags" };

export default async function AdminFlagsPage() {
  const session = await requirePagePermission("admin:view", "/admin/flags");
  const flags = await listFlags(actorOf(session));
  const mayChange = can(session.user.role, "admin:flags");
  return (
    <>
      <PageHeader
        title="Feature flags"
        description="Kill switches for the program. A change takes effect on the next request and is kept in the audit log."
      />
      <ul className="space-y-3">
        {flags.map((flag) => (
          <Card as="li" key={flag.key} className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="font-mono text-sm font-semibold break-all text-slate-900">{flag.key}</h2>
                {flag.enabled ? <Badge tone="brand">On</Badge> : <Badge tone="danger">Off</Badge>}
              </div>
              <p className="mt-1 text-sm text-slate-600">{flag.description}</p>
              <p className="mt-1 text-sm text-slate-600">
                <span className="font-medium text-slate-700">Off: </span>
                {flag.offMeans}
              </p>
              <p className="mt-1 text-xs text-slate-500">
                {flag.updatedAt ? (
                  <>
                    Last changed <time dateTime={flag.updatedAt.toISOString()}>{formatDateTime(flag.updatedAt)}</time>
                  </>
                ) : (
                  "Never changed: the environment's default applies."
                )}
              </p>
            </div>
            {mayChange ? <FlagToggle flagKey={flag.key} enabled={flag.enabled} offMeans={flag.offMeans} /> : null}
          </Card>
        ))}
      </ul>
    </>
  );
}
