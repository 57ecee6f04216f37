import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { Table, TBody, Td, Th } from "@/components/ui/table";

export type AdminEventRow = {
  id: string;
  name: string;
  kind: "CHARGE" | "PAUSE";
  status: "SCHEDULED" | "CANCELLED";
  phase: "upcoming" | "live" | "ended";
  when: string;
  bonus: string;
  optedIn: number;
  open: number;
  earned: number;
  spentNova: number;
  budgetNova: number | null;
};

const PHASE = { upcoming: "Upcoming", live: "Live", ended: "Ended" } as const;

export function AdminEventTable({ events }: { events: AdminEventRow[] }) {
  if (events.length === 0)
    return <EmptyState level={3} title="No energy events yet" description="Events you create appear here." />;
  return (
    <Table caption="Energy events">
      <thead>
        <tr>
          <Th>Event</Th>
          <Th>Window</Th>
          <Th>State</Th>
          <Th className="text-right">Opted in</Th>
          <Th className="text-right">Earned</Th>
          <Th className="text-right">Nova paid</Th>
        </tr>
      </thead>
      <TBody>
        {events.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-normal">
              <Link href={`/admin/events/${e.id}`} className="font-medium text-brand-700 underline underline-offset-4">
                {e.name}
              </Link>
              <p className="text-xs text-slate-500">
                {e.kind === "CHARGE" ? "Charge" : "Pause"} · {e.bonus}
              </p>
            </Td>
            <Td>{e.when}</Td>
            <Td>
              {e.status === "CANCELLED" ? (
                <Badge tone="danger">Cancelled</Badge>
              ) : (
                <Badge tone={e.phase === "live" ? "brand" : "neutral"}>
                  {e.phase === "ended" && e.open > 0 ? `Ended · ${e.open} to settle` : PHASE[e.phase]}
                </Badge>
              )}
            </Td>
            <Td className="text-right tabular-nums">{formatCount(e.optedIn)}</Td>
            <Td className="text-right tabular-nums">{formatCount(e.earned)}</Td>
            <Td className="text-right tabular-nums">
              {formatCount(e.spentNova)}
              {e.budgetNova !== null ? <span className="text-slate-500"> / {formatCount(e.budgetNova)}</span> : null}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
