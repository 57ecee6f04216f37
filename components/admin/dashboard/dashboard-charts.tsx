"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { DashboardDay } from "@/lib/admin";
import { ChartCard, type NumbersTable } from "./chart-card";

/** One day of the program, as lib/admin computes it. */
export type ChartDay = DashboardDay;

const dayLabel = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const int = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const shortUsd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact" });
const shortInt = new Intl.NumberFormat("en-US", { notation: "compact" });
const label = (day: string) => dayLabel.format(new Date(`${day}T12:00:00Z`));
const dollars = (cents: number) => usd.format(cents / 100);
const rate = (verified: number, ended: number) => (ended > 0 ? Math.round((verified / ended) * 1000) / 10 : null);
const percent = (r: number | null) => (r === null ? "—" : `${r}%`);

const AXIS = { fontSize: 12, fill: "#475569" };
const COLORS = { brand: "#047857", sky: "#0369a1", rose: "#be123c", amber: "#b45309", slate: "#334155" };
const MARGIN = { top: 8, right: 8, bottom: 0, left: -8 };

const table = (
  caption: string,
  columns: string[],
  days: ChartDay[],
  cells: (d: ChartDay) => string[],
): NumbersTable => ({
  caption,
  columns: ["Day", ...columns],
  rows: days.map((d) => ({ key: d.day, cells: [label(d.day), ...cells(d)] })),
});

const axes = (money = false, percentAxis = false) => [
  <CartesianGrid key="g" vertical={false} stroke="#e2e8f0" />,
  <XAxis key="x" dataKey="label" tick={AXIS} tickLine={false} minTickGap={16} />,
  <YAxis
    key="y"
    tick={AXIS}
    tickLine={false}
    axisLine={false}
    width={52}
    allowDecimals={money}
    domain={percentAxis ? [0, 100] : undefined}
    tickFormatter={(v: number) => (money ? shortUsd.format(v) : percentAxis ? `${v}%` : shortInt.format(v))}
  />,
  <Legend key="l" wrapperStyle={{ fontSize: 12 }} />,
];

const bar = (key: string, name: string, fill: string) => (
  <Bar dataKey={key} name={name} fill={fill} radius={[3, 3, 0, 0]} isAnimationActive={false} />
);
const line = (key: string, name: string, stroke: string) => (
  <Line
    type="monotone"
    dataKey={key}
    name={name}
    stroke={stroke}
    strokeWidth={2}
    dot={false}
    isAnimationActive={false}
  />
);

type Totals = {
  novaIssued: number;
  novaRedeemed: number;
  novaOutstanding: number;
  cashRewardCents: number;
  cashOutCents: number;
  owedToDriversCents: number;
  fundedCents: number;
  paidOutCents: number;
  endedSessions: number;
  verifiedSessions: number;
  activeDrivers: number;
  activeMerchants: number;
};

/** The program's four charts, each with a summary sentence and its numbers. */
export function DashboardCharts({ days, totals }: { days: ChartDay[]; totals: Totals }) {
  const data = days.map((d) => ({
    ...d,
    label: label(d.day),
    cashRewards: d.cashRewardCents / 100,
    cashOuts: d.cashOutCents / 100,
    owed: d.owedToDriversCents / 100,
    fundedUnpaid: (d.fundedCents - d.paidOutCents) / 100,
    verifiedRate: rate(d.verifiedSessions, d.endedSessions),
  }));
  const r = rate(totals.verifiedSessions, totals.endedSessions);
  return (
    <div className="grid gap-4 xl:grid-cols-2" data-testid="dashboard-charts">
      <ChartCard
        title="Nova"
        summary={`${int.format(totals.novaIssued)} Nova issued and ${int.format(totals.novaRedeemed)} redeemed; ${int.format(totals.novaOutstanding)} outstanding as the range ends.`}
        numbers={table("Nova per day", ["Issued", "Redeemed", "Expired", "Outstanding"], days, (d) =>
          [d.novaIssued, d.novaRedeemed, d.novaExpired, d.novaOutstanding].map((n) => int.format(n)),
        )}
      >
        <ComposedChart data={data} margin={MARGIN}>
          {axes()}
          <Tooltip formatter={(v) => int.format(Number(v))} />
          {bar("novaIssued", "Issued", COLORS.brand)}
          {bar("novaRedeemed", "Redeemed", COLORS.sky)}
          {line("novaOutstanding", "Outstanding", COLORS.amber)}
        </ComposedChart>
      </ChartCard>
      <ChartCard
        title="Cash and the float"
        summary={`${dollars(totals.cashRewardCents)} in cash rewards and ${dollars(totals.cashOutCents)} cashed out; drivers are owed ${dollars(totals.owedToDriversCents)} against ${dollars(totals.fundedCents - totals.paidOutCents)} funded and not yet paid out.`}
        numbers={table(
          "Cash per day",
          ["Cash rewards", "Cash-outs", "Owed to drivers", "Funded, not paid out"],
          days,
          (d) => [d.cashRewardCents, d.cashOutCents, d.owedToDriversCents, d.fundedCents - d.paidOutCents].map(dollars),
        )}
      >
        <ComposedChart data={data} margin={MARGIN}>
          {axes(true)}
          <Tooltip formatter={(v) => usd.format(Number(v))} />
          {bar("cashRewards", "Cash rewards", COLORS.brand)}
          {bar("cashOuts", "Cash-outs", COLORS.rose)}
          {line("owed", "Owed to drivers", COLORS.amber)}
          {line("fundedUnpaid", "Funded, not paid out", COLORS.slate)}
        </ComposedChart>
      </ChartCard>
      <ChartCard
        title="Verified sessions"
        summary={`${int.format(totals.verifiedSessions)} of ${int.format(totals.endedSessions)} ended sessions verified (${percent(r)}).`}
        numbers={table("Sessions per day", ["Ended", "Verified", "Verified rate"], days, (d) => [
          int.format(d.endedSessions),
          int.format(d.verifiedSessions),
          percent(rate(d.verifiedSessions, d.endedSessions)),
        ])}
      >
        <ComposedChart data={data} margin={MARGIN}>
          {axes(false, true)}
          <Tooltip formatter={(v) => `${v}%`} />
          {line("verifiedRate", "Verified ÷ ended", COLORS.brand)}
        </ComposedChart>
      </ChartCard>
      <ChartCard
        title="Active drivers and merchants"
        summary={`${int.format(totals.activeDrivers)} drivers and ${int.format(totals.activeMerchants)} merchants were active in the range.`}
        numbers={table("Active per day", ["Drivers", "Merchants"], days, (d) => [
          int.format(d.activeDrivers),
          int.format(d.activeMerchants),
        ])}
      >
        <ComposedChart data={data} margin={MARGIN}>
          {axes()}
          <Tooltip formatter={(v) => int.format(Number(v))} />
          {bar("activeDrivers", "Drivers", COLORS.sky)}
          {bar("activeMerchants", "Merchants", COLORS.brand)}
        </ComposedChart>
      </ChartCard>
    </div>
  );
}
