import Link from "next/link";
import type { CampaignAwardRow } from "@/lib/campaigns";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatDateTime, formatUsd } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";

/** What the campaign paid, newest first: when, to whom (admins only), the statement line, the amounts. */
export function AwardsTable({ awards, showDrivers }: { awards: CampaignAwardRow[]; showDrivers: boolean }) {
  if (awards.length === 0)
    return (
      <EmptyState
        level={3}
        title="No awards yet"
        description="Once the campaign is live, each trigger it pays appears here with the line the driver sees on their statement."
      />
    );
  return (
    <Table caption="Awards paid">
      <thead>
        <tr>
          <Th>When</Th>
          {showDrivers ? <Th>Driver</Th> : null}
          <Th>Statement line</Th>
          <Th className="text-right">Nova</Th>
          <Th className="text-right">Cash</Th>
          <Th className="text-right">Version</Th>
        </tr>
      </thead>
      <TBody>
        {awards.map((a) => (
          <tr key={a.id} className="align-top">
            <Td>
              <time dateTime={a.createdAt.toISOString()}>{formatDateTime(a.createdAt)}</time>
            </Td>
            {showDrivers && a.driver ? (
              <Td className="max-w-48 truncate">
                <Link href={`/admin/drivers/${a.driver.id}`} className="text-brand-800 underline underline-offset-4">
                  {a.driver.label}
                </Link>
              </Td>
            ) : null}
            <Td className="min-w-56 whitespace-normal">{a.label}</Td>
            <Td className="text-right tabular-nums">{formatCount(a.nova)}</Td>
            <Td className="text-right tabular-nums">{formatUsd(a.cents)}</Td>
            <Td className="text-right tabular-nums">{a.version}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
