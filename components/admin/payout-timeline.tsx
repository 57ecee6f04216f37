import type { getPayoutForAdmin } from "@/lib/payouts";
import { formatDateTime } from "@/components/ui/format";
import { payoutStateLabel } from "@/components/ui/payout-state-badge";
import { Table, TBody, Td, Th } from "@/components/ui/table";

type PayoutEventRow = Awaited<ReturnType<typeof getPayoutForAdmin>>["events"][number];

/** Every entry of the payout's timeline: our transitions, Stripe's events and calls, admin decisions. */
export function PayoutTimeline({ events }: { events: PayoutEventRow[] }) {
  return (
    <Table caption="Payout timeline">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>Kind</Th>
          <Th>State</Th>
          <Th>Stripe event</Th>
          <Th>By</Th>
          <Th>Detail</Th>
        </tr>
      </thead>
      <TBody>
        {events.map((e) => (
          <tr key={e.id} className="align-top">
            <Td>
              <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
            </Td>
            <Td>
              <code className="font-mono text-xs text-slate-800">{e.kind}</code>
            </Td>
            <Td>
              {e.toState ? (
                <>
                  {e.fromState ? `${payoutStateLabel(e.fromState)} → ` : null}
                  <span className="font-medium text-slate-900">{payoutStateLabel(e.toState)}</span>
                </>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
            <Td>
              {e.stripeEventId ? (
                <code className="font-mono text-xs">{e.stripeEventId}</code>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
            <Td>{e.actor ?? (e.actorId ? <code className="font-mono text-xs">{e.actorId}</code> : "System")}</Td>
            <Td className="max-w-md min-w-64 whitespace-normal">
              {e.detail === null ? (
                <span className="text-slate-500">—</span>
              ) : (
                <code className="font-mono text-xs break-all text-slate-700">{JSON.stringify(e.detail)}</code>
              )}
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
