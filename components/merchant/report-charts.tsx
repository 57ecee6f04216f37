"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

export type ChartDay = { day: string; visits: number; purchases: number; salesCents: number; costCents: number };

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const shortUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact" });
const label = (day: string) => dayLabel.format(new Date(`${day}T12:00:00Z`));

const AXIS = { fontSize: 12, fill: "#475569" };
const BRAND = "#047857";
const SKY = "#0369a1";
const ROSE = "#be123c";

/** Visits and purchases per day (bars), sales against cost (lines); each with a table for screen readers. */
export function ReportCharts({ days }: { days: ChartDay[] }) {
  const data = days.map((d) => ({
    ...d,
    label: label(d.day),
    sales: d.salesCents / 100,
    cost: d.costCents / 100,
  }));
  const active = days.filter((d) => d.visits || d.purchases || d.salesCents || d.costCents);
  const totals = days.reduce(
    (t, d) => ({
      visits: t.visits + d.visits,
      purchases: t.purchases + d.purchases,
      sales: t.sales + d.salesCents,
      cost: t.cost + d.costCents,
    }),
    { visits: 0, purchases: 0, sales: 0, cost: 0 },
  );
  return (
    <div className="relative grid gap-4 lg:grid-cols-2" data-testid="report-charts">
      <ChartCard
        title="Visits and purchases per day"
        summary={`${totals.visits} charging visits and ${totals.purchases} matched purchases over ${days.length} days.`}
      >
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={AXIS} tickLine={false} minTickGap={16} />
          <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} width={40} />
          <Tooltip cursor={{ fill: "#f1f5f9" }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="visits" name="Charging visits" fill={BRAND} radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Bar
            dataKey="purchases"
            name="Matched purchases"
            fill={SKY}
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ChartCard>
      <ChartCard
        title="Program sales and what they cost"
        summary={`Program sales ${usd.format(totals.sales / 100)}; rewards and fees ${usd.format(totals.cost / 100)}.`}
      >
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={AXIS} tickLine={false} minTickGap={16} />
          <YAxis
            tick={AXIS}
            tickLine={false}
            axisLine={false}
            width={48}
            tickFormatter={(v: number) => shortUsd.format(v)}
          />
          <Tooltip formatter={(v) => usd.format(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line
            type="monotone"
            dataKey="sales"
            name="Program sales"
            stroke={BRAND}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="cost"
            name="Reward + fee cost"
            stroke={ROSE}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartCard>
      {/* a table is as wide as its content whatever its width: the clipping box is a div */}
      <div className="sr-only">
        <table>
          <caption>Day by day (days without activity left out)</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Charging visits</th>
              <th scope="col">Matched purchases</th>
              <th scope="col">Program sales</th>
              <th scope="col">Reward and fee cost</th>
            </tr>
          </thead>
          <tbody>
            {active.map((d) => (
              <tr key={d.day}>
                <th scope="row">{label(d.day)}</th>
                <td>{d.visits}</td>
                <td>{d.purchases}</td>
                <td>{usd.format(d.salesCents / 100)}</td>
                <td>{usd.format(d.costCents / 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ChartCard({ title, summary, children }: { title: string; summary: string; children: React.ReactElement }) {
  return (
    <figure className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption className="text-sm font-medium text-slate-800">{title}</figcaption>
      <p className="mt-0.5 text-xs text-slate-500">{summary}</p>
      <div className="mt-3 h-56 w-full" role="img" aria-label={`${title}. ${summary}`}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
