import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDriverProfile } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listDriverFlags } from "@/lib/risk";
import { DriverCashOuts, DriverSessions, DriverSignIns, DriverStatement } from "@/components/admin/driver-activity";
import { EvaluateDriverButton } from "@/components/admin/evaluate-driver-button";
import { HoldForm } from "@/components/admin/hold-form";
import { UserAccessControl } from "@/components/admin/user-access-control";
import { UserStatusBadge } from "@/components/admin/user-status-badge";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { formatDate, formatUsd } from "@/components/ui/format";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Driver" };

const link = "font-medium text-brand-800 underline underline-offset-4";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8 min-w-0">
      <SectionHeader id={id} title={title} />
      {children}
    </section>
  );
}

export default async function AdminDriverPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const session = await requirePagePermission("admin:risk", `/admin/drivers/${userId}`);
  const actor = actorOf(session);
  const p = await getDriverProfile(actor, userId).catch((err) => {
    if ((err as { code?: string }).code === "not_found") notFound();
    throw err;
  });
  const flags = await listDriverFlags(actor, userId);
  const held = flags.some((f) => f.status === "OPEN" || f.status === "SUSPENDED");
  const manualHold = flags.some((f) => (f.rule === "manual_hold" && f.status === "OPEN") || f.status === "SUSPENDED");
  const who = p.driver.name ?? p.driver.email ?? p.driver.phone ?? p.driver.id;
  const { nova, usd } = p.balances;

  return (
    <>
      <BackLink href="/admin/drivers">Drivers</BackLink>
      <PageHeader
        title={who}
        description={`${p.driver.email ?? "no email"} · ${p.driver.phone ?? "no phone"} · joined ${formatDate(p.driver.createdAt)}`}
        actions={
          <span className="flex gap-1">
            <UserStatusBadge status={p.driver.status} />
            {held ? <Badge tone="warning">Held for review</Badge> : null}
          </span>
        }
      />
      <div className="mb-8 grid gap-4 lg:grid-cols-3">
        <Card>
          <h2 className="mb-2 font-semibold text-slate-900">Balances</h2>
          <p className="text-sm text-slate-700">
            Nova: {String(nova.available)} available · {String(nova.pending)} pending · {String(nova.held)} held
          </p>
          <p className="text-sm text-slate-700">
            Cash: {formatUsd(Number(usd.available))} available · {formatUsd(Number(usd.pending))} pending
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold text-slate-900">Access</h2>
          {session.user.id === p.driver.id ? (
            <p className="text-sm text-slate-500">Your account</p>
          ) : (
            <UserAccessControl userId={p.driver.id} who={who} status={p.driver.status} />
          )}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold text-slate-900">Cash-out hold</h2>
          <HoldForm key={manualHold ? "release" : "hold"} userId={p.driver.id} held={manualHold} />
        </Card>
      </div>

      <Section id="flags" title="Risk flags">
        <div className="mb-3">
          <EvaluateDriverButton userId={p.driver.id} />
        </div>
        {flags.length ? (
          <ul className="space-y-1 text-sm">
            {flags.map((f) => (
              <li key={f.id}>
                <Link href={`/admin/risk/${f.id}`} className={link}>
                  {f.ruleLabel}
                </Link>{" "}
                ({f.status.toLowerCase()}): {f.summary}
                {f.decisionReason ? <span className="text-slate-500"> — {f.decisionReason}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">No rule has flagged this driver.</p>
        )}
      </Section>
      <Section id="statement" title="Statement">
        <DriverStatement lines={p.statement} />
      </Section>
      <Section id="sessions" title="Charging sessions">
        <DriverSessions sessions={p.sessions} />
      </Section>
      <div className="grid gap-8 lg:grid-cols-2">
        <Section id="vehicles" title="Cars">
          {p.vehicles.length ? (
            <ul className="space-y-1 text-sm">
              {p.vehicles.map((v) => (
                <li key={v.id}>
                  {[v.year, v.make, v.model].filter(Boolean).join(" ") || "Unknown car"} ·{" "}
                  <span className="font-mono text-xs">
                    {v.provider.toLowerCase()}:{v.providerVehicleId}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">No car connected.</p>
          )}
        </Section>
        <Section id="claims" title="Claims">
          {p.claims.length ? (
            <ul className="space-y-1 text-sm">
              {p.claims.map((c) => (
                <li key={c.id}>
                  <Link href={`/admin/claims/${c.id}`} className={link}>
                    {c.status.toLowerCase()}
                  </Link>{" "}
                  · {formatDate(c.createdAt)} · {c.note}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">No claims.</p>
          )}
        </Section>
        <Section id="cash-outs" title="Cash-outs">
          <DriverCashOuts payouts={p.payouts} />
        </Section>
        <Section id="sign-ins" title="Sign-in history">
          <DriverSignIns signIns={p.signIns} devices={p.devices} />
        </Section>
      </div>
    </>
  );
}
