import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { getClaimEvidence, policyFromConfig } from "@/lib/charging";
import { ClaimDecisionForm } from "@/components/admin/claim-decision-form";
import { ClaimEvidence } from "@/components/admin/claim-evidence";
import { claimDriverName } from "@/components/admin/claim-list-table";
import { SessionStatusBadge } from "@/components/charging/session-status-badge";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Claim" };

const decided = {
  APPROVED: { tone: "brand", label: "Approved" },
  REJECTED: { tone: "danger", label: "Rejected" },
} as const;

function minutesBetween(from: Date, to: Date) {
  const s = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}

export default async function AdminClaimPage({ params }: { params: Promise<{ claimId: string }> }) {
  const { claimId } = await params;
  const viewer = await requirePagePermission("admin:manage-claims", `/admin/claims/${claimId}`);
  const claim = await getClaimEvidence(actorOf(viewer), claimId);
  if (!claim) notFound();
  const { session } = claim;
  const driver = claimDriverName(claim.driver);
  const policy = policyFromConfig();

  return (
    <>
      <BackLink href="/admin/claims">Claims</BackLink>
      <PageHeader
        title={`Claim: ${session.charger.name}`}
        description={`${driver}${claim.driver.email && claim.driver.name ? ` · ${claim.driver.email}` : ""}`}
        actions={
          claim.status === "OPEN" ? (
            <Badge tone="info">Open</Badge>
          ) : (
            <Badge tone={decided[claim.status].tone}>{decided[claim.status].label}</Badge>
          )
        }
      />

      <Card>
        <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Detail label="Driver’s note" wide>
            <span className="whitespace-pre-line">{claim.note}</span>
          </Detail>
          <Detail label="Session">
            <SessionStatusBadge status={session.status} />{" "}
            <time dateTime={session.startedAt.toISOString()}>{formatDateTime(session.startedAt)}</time>
            {session.endedAt ? (
              <span className="text-slate-500"> · {minutesBetween(session.startedAt, session.endedAt)}</span>
            ) : null}
          </Detail>
          <Detail label="Charger">
            {session.charger.name}
            <span className="block text-slate-500">{session.charger.address}</span>
          </Detail>
          <Detail label="Charger radius">
            {session.charger.radiusMeters} m
            <span className="block text-slate-500">
              Phone must stay{" "}
              {policy.minDwellSeconds >= 120
                ? `${Math.round(policy.minDwellSeconds / 60)} min`
                : `${policy.minDwellSeconds} s`}
              ; pings over ±{policy.maxAccuracyMeters} m are ignored
            </span>
          </Detail>
          <Detail label="Verification reason" wide>
            {session.verificationReason ?? <span className="text-slate-500">None recorded</span>}
          </Detail>
          <Detail label="Energy">
            {session.kwhDelivered === null ? "Not reported" : `${session.kwhDelivered.toFixed(1)} kWh`}
          </Detail>
          <Detail label="Claimed">
            <time dateTime={claim.createdAt.toISOString()}>{formatDateTime(claim.createdAt)}</time>
          </Detail>
        </dl>
      </Card>

      <section aria-labelledby="evidence-heading" className="mt-8">
        <SectionHeader
          id="evidence-heading"
          title="Evidence"
          description="Readings between check-in and check-out, with distance from the charger. Times in UTC."
        />
        <ClaimEvidence
          charger={session.charger}
          telemetry={claim.telemetry}
          pings={session.pings}
          maxAccuracyMeters={policy.maxAccuracyMeters}
        />
      </section>

      <section aria-labelledby="decision-heading" className="mt-8">
        <SectionHeader id="decision-heading" title="Decision" />
        {claim.status === "OPEN" ? (
          <Card className="max-w-2xl">
            <ClaimDecisionForm claimId={claim.id} driverName={driver} chargerName={session.charger.name} />
          </Card>
        ) : (
          <Card className="max-w-2xl text-sm text-slate-700">
            <Badge tone={decided[claim.status].tone}>{decided[claim.status].label}</Badge>
            {claim.decisionNote ? <p className="mt-2">{claim.decisionNote}</p> : null}
          </Card>
        )}
      </section>
    </>
  );
}

function Detail({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : ""}>
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-1 text-slate-800">{children}</dd>
    </div>
  );
}
