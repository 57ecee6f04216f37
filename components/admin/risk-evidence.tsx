import Link from "next/link";
import type { Evidence } from "@/lib/risk";
import { formatDateTime } from "@/components/ui/format";
import { SectionHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { UserStatusBadge } from "./user-status-badge";

const link = "font-medium text-brand-800 underline underline-offset-4";
const when = (iso: string) => <time dateTime={iso}>{formatDateTime(new Date(iso))}</time>;

/** A flag's evidence: facts, the other accounts, the pings and the timeline, side by side on wide screens. */
export function RiskEvidence({ evidence }: { evidence: Evidence }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-4">
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {evidence.facts.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
        {evidence.timeline?.length ? (
          <section aria-labelledby="ev-timeline">
            <SectionHeader id="ev-timeline" title="Timeline" />
            <ol className="space-y-1 text-sm">
              {evidence.timeline.map((t, i) => (
                <li key={i} className="flex flex-wrap gap-x-3">
                  <span className="text-slate-500 tabular-nums">{when(t.at)}</span>
                  <span className="text-slate-800">{t.what}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
      <div className="min-w-0 space-y-4">
        {evidence.accounts?.length ? (
          <Table caption="Other accounts">
            <thead>
              <tr>
                <Th>Other account</Th>
                <Th>Status</Th>
                <Th>Why</Th>
              </tr>
            </thead>
            <TBody>
              {evidence.accounts.map((a) => (
                <tr key={a.id}>
                  <Td className="whitespace-normal">
                    <Link href={`/admin/drivers/${a.id}`} className={link}>
                      {a.email ?? a.phone ?? a.id}
                    </Link>
                  </Td>
                  <Td>
                    <UserStatusBadge status={a.status} />
                  </Td>
                  <Td className="whitespace-normal text-slate-600">{a.note}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        ) : null}
        {evidence.pings?.length ? (
          <Table caption="Location pings">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Position</Th>
                <Th className="text-right">Accuracy</Th>
                <Th>Note</Th>
              </tr>
            </thead>
            <TBody>
              {evidence.pings.map((p, i) => (
                <tr key={i}>
                  <Td>{when(p.at)}</Td>
                  <Td className="tabular-nums">
                    {p.latitude.toFixed(4)}, {p.longitude.toFixed(4)}
                  </Td>
                  <Td className="text-right tabular-nums">{p.accuracyMeters} m</Td>
                  <Td className="whitespace-normal text-slate-600">{p.note}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
        ) : null}
      </div>
    </div>
  );
}
