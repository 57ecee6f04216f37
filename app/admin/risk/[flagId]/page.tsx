import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { getFlagReview } from "@/lib/risk";
import { RiskDecisionForm } from "@/components/admin/risk-decision-form";
import { RiskEvidence } from "@/components/admin/risk-evidence";
import { UserStatusBadge } from "@/components/admin/user-status-badge";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review a flag" };

const link = "font-medium text-brand-800 underline underline-offset-4";

export default async function RiskFlagPage({ params }: { params: Promise<{ flagId: string }> }) {
  const { flagId } = await params;
  const session = await requirePagePermission("admin:risk", `/admin/risk/${flagId}`);
  const flag = await getFlagReview(actorOf(session), flagId).catch((err) => {
    if ((err as { code?: string }).code === "not_found") notFound();
    throw err;
  });
  const who = flag.driver.email ?? flag.driver.phone ?? flag.driver.id;
  return (
    <>
      <BackLink href="/admin/risk">Review queue</BackLink>
      <PageHeader
        title={flag.ruleLabel}
        description={flag.summary}
        actions={<Badge tone={flag.status === "OPEN" ? "warning" : "neutral"}>{flag.status.toLowerCase()}</Badge>}
      />
      <Card className="mb-6">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Driver</dt>
            <dd>
              <Link href={`/admin/drivers/${flag.driver.id}`} className={link}>
                {who}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Account</dt>
            <dd className="flex items-center gap-2">
              <UserStatusBadge status={flag.driver.status} /> since {formatDateTime(flag.driver.createdAt)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Raised</dt>
            <dd>{formatDateTime(flag.createdAt)}</dd>
          </div>
        </dl>
      </Card>
      <section aria-labelledby="evidence" className="mb-8">
        <SectionHeader id="evidence" title="Evidence" />
        <RiskEvidence evidence={flag.evidence} />
      </section>
      <section aria-labelledby="decision" className="mb-8">
        <SectionHeader id="decision" title="Decision" />
        <Card>
          {flag.status === "OPEN" ? (
            <RiskDecisionForm flagId={flag.id} who={who} />
          ) : (
            <p className="text-sm text-slate-700">
              Decided {flag.status.toLowerCase()} {flag.decidedAt ? formatDateTime(flag.decidedAt) : ""}:{" "}
              {flag.decisionReason}
            </p>
          )}
        </Card>
      </section>
      {flag.otherFlags.length ? (
        <section aria-labelledby="other-flags">
          <SectionHeader id="other-flags" title="This driver's other flags" />
          <ul className="space-y-1 text-sm">
            {flag.otherFlags.map((f) => (
              <li key={f.id}>
                <Link href={`/admin/risk/${f.id}`} className={link}>
                  {f.ruleLabel}
                </Link>{" "}
                ({f.status.toLowerCase()}): {f.summary}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
