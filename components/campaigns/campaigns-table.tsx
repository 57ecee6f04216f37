import Link from "next/link";
import { TRIGGER_WORDS, type CampaignSummary, type Trigger } from "@/lib/campaigns";
import { formatCount, formatUsd } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";
import { CampaignStatusBadge } from "./campaign-status-badge";

const spent = (used: number, budget: number | null, format: (n: number) => string, unit = "") =>
  budget === null ? `${format(used)}${unit} (no budget)` : `${format(used)} of ${format(budget)}${unit}`;

/** Campaigns, newest first: status and kill switch, trigger, what each spent against its budget, awards. */
export function CampaignsTable({ campaigns, basePath }: { campaigns: CampaignSummary[]; basePath: string }) {
  return (
    <Table caption="Campaigns">
      <thead>
        <tr>
          <Th>Campaign</Th>
          <Th>Status</Th>
          <Th>Kill switch</Th>
          <Th>Trigger</Th>
          <Th>Spent</Th>
          <Th className="text-right">Awards</Th>
        </tr>
      </thead>
      <TBody>
        {campaigns.map((c) => (
          <tr key={c.id} className="align-top">
            <Td className="min-w-44 whitespace-normal">
              <Link
                href={`${basePath}/${c.id}`}
                className="font-medium text-slate-900 hover:text-brand-800 hover:underline"
              >
                {c.name}
              </Link>
              <span className="block text-xs text-slate-500">Version {c.currentVersion}</span>
            </Td>
            <Td>
              <CampaignStatusBadge status={c.status} enabled />
            </Td>
            <Td>{c.enabled ? "On" : <span className="font-medium text-rose-700">Off: pays nothing</span>}</Td>
            <Td className="min-w-40 whitespace-normal">{TRIGGER_WORDS[c.trigger as Trigger] ?? c.trigger}</Td>
            <Td className="tabular-nums">
              <span className="block">{spent(c.spentNova, c.budgetNova, formatCount, " Nova")}</span>
              {c.spentCents > 0 || c.budgetCents !== null ? (
                <span className="block text-slate-600">{spent(c.spentCents, c.budgetCents, formatUsd)}</span>
              ) : null}
            </Td>
            <Td className="text-right tabular-nums">{formatCount(c.awardCount)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
