import type { Simulation } from "@/lib/campaigns";
import { formatCount, formatDate, formatDateTime, formatNova, formatUsd } from "@/components/ui/format";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Table, TBody, Td, Th } from "@/components/ui/table";

/** A simulation's answer: totals, the budget's end, the top earners and why triggers did not pay. */
export function SimulationResult({ result, budgeted }: { result: Simulation; budgeted: boolean }) {
  const exhausted = result.exhaustedAt ? new Date(result.exhaustedAt) : null;
  return (
    <section aria-label="Simulation result" className="space-y-5">
      <p role="status" className="text-sm text-slate-700">
        Replayed {formatCount(result.triggers)} {result.triggers === 1 ? "trigger" : "triggers"} from{" "}
        {formatDate(new Date(result.from))} to {formatDateTime(new Date(result.to))}, as if the campaign had run all{" "}
        {result.days} {result.days === 1 ? "day" : "days"} (its own start and end dates set aside).
      </p>
      <StatGrid label="Simulated totals" className="lg:grid-cols-4">
        <StatCard
          label="Awards"
          value={formatCount(result.awards)}
          hint={`${formatCount(result.driverCount)} ${result.driverCount === 1 ? "driver" : "drivers"}`}
        />
        <StatCard label="Nova cost" value={formatNova(result.nova)} />
        <StatCard label="Cash cost" value={formatUsd(result.cents)} />
        <StatCard
          label="Budget used up"
          value={exhausted ? formatDate(exhausted) : budgeted ? "Never" : "No budget"}
          hint={exhausted ? formatDateTime(exhausted) : budgeted ? "The budget would have lasted" : undefined}
        />
      </StatGrid>
      {result.drivers.length ? (
        <Table caption="Top earners in the simulation">
          <thead>
            <tr>
              <Th>Driver</Th>
              <Th className="text-right">Awards</Th>
              <Th className="text-right">Nova</Th>
              <Th className="text-right">Cash</Th>
            </tr>
          </thead>
          <TBody>
            {result.drivers.map((d) => (
              <tr key={d.driverId}>
                <Td className="max-w-56 truncate">{d.label}</Td>
                <Td className="text-right tabular-nums">{formatCount(d.awards)}</Td>
                <Td className="text-right tabular-nums">{formatCount(d.nova)}</Td>
                <Td className="text-right tabular-nums">{formatUsd(d.cents)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <p className="text-sm text-slate-600">No driver would have earned anything in this window.</p>
      )}
      {result.refusals.length ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Triggers that would not have paid</h3>
          <ul className="mt-2 divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
            {result.refusals.map((r) => (
              <li key={r.reason} className="flex justify-between gap-3 px-3 py-2">
                <span className="min-w-0 break-words text-slate-700">{capital(r.reason)}</span>
                <span className="shrink-0 font-medium text-slate-900 tabular-nums">{formatCount(r.count)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
