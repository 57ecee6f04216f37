import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";

export type ParticipantRow = {
  id: string;
  status: string;
  optedInAt: Date;
  kwhInWindow: number | null;
  nova: number;
  reason: string | null;
  transactionId: string | null;
  driver: { id: string; name: string | null; email: string | null };
};

const STATUS: Record<string, [string, BadgeTone]> = {
  OPTED_IN: ["Opted in", "neutral"],
  OPTED_OUT: ["Opted out", "neutral"],
  EARNED: ["Earned", "brand"],
  NOT_EARNED: ["Not earned", "warning"],
  NOT_VERIFIED: ["Not verified", "danger"],
  HELD: ["Held for review", "warning"],
};

/** Every driver who opted in, with the result and its reason (database text shown as text). */
export function ParticipantTable({ rows }: { rows: ParticipantRow[] }) {
  if (rows.length === 0)
    return (
      <EmptyState
        level={3}
        title="Nobody has opted in yet"
        description="Drivers opt in from their app before the window."
      />
    );
  return (
    <Table caption="Participants">
      <thead>
        <tr>
          <Th>Driver</Th>
          <Th>Result and reason</Th>
          <Th className="text-right">kWh in window</Th>
          <Th className="text-right">Nova</Th>
        </tr>
      </thead>
      <TBody>
        {rows.map((p) => {
          const [label, tone] = STATUS[p.status] ?? [p.status, "neutral"];
          return (
            <tr key={p.id}>
              <Td className="min-w-32 whitespace-normal">
                <Link
                  href={`/admin/drivers/${p.driver.id}`}
                  className="font-medium text-brand-700 underline underline-offset-4"
                >
                  {p.driver.name ?? p.driver.email ?? p.driver.id}
                </Link>
                <p className="text-xs text-slate-500">opted in {formatDateTime(p.optedInAt)}</p>
              </Td>
              <Td className="min-w-48 whitespace-normal">
                <Badge tone={tone}>{label}</Badge>
                {p.reason ? <p className="mt-1 text-sm text-slate-600">{p.reason}</p> : null}
              </Td>
              <Td className="text-right tabular-nums">{p.kwhInWindow ?? "—"}</Td>
              <Td className="text-right tabular-nums">
                {p.transactionId ? (
                  <Link href={`/admin/ledger/${p.transactionId}`} className="underline underline-offset-4">
                    {p.nova}
                  </Link>
                ) : (
                  p.nova
                )}
              </Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
