"use client";

import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";
import { Table, TBody, Td, Th } from "@/components/ui/table";

export type NumbersTable = {
  caption: string;
  columns: string[];
  rows: { key: string; cells: string[] }[];
};

/**
 * One chart with its text equivalent: a sentence that sums it up and, under "Show the numbers",
 * the table it was drawn from (the chart itself is an image to assistive technology).
 */
export function ChartCard({
  title,
  summary,
  numbers,
  children,
}: {
  title: string;
  summary: string;
  numbers: NumbersTable;
  children: ReactElement;
}) {
  return (
    <figure
      className="min-w-0 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="dashboard-chart"
    >
      <figcaption>
        <h3 className="text-base font-semibold text-slate-900">{title}</h3>
        <p className="mt-0.5 text-sm text-slate-600">{summary}</p>
      </figcaption>
      <div className="mt-3 h-56 w-full" role="img" aria-label={`${title}. ${summary}`}>
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
      <details className="mt-3 min-w-0 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700 hover:underline">Show the numbers</summary>
        <div className="mt-2 max-h-80 overflow-y-auto">
          <Table caption={numbers.caption}>
            <thead>
              <tr>
                {numbers.columns.map((c) => (
                  <Th key={c}>{c}</Th>
                ))}
              </tr>
            </thead>
            <TBody>
              {numbers.rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((c, i) =>
                    i === 0 ? (
                      <th
                        key={i}
                        scope="row"
                        className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-700"
                      >
                        {c}
                      </th>
                    ) : (
                      <Td key={i} className="py-2 tabular-nums">
                        {c}
                      </Td>
                    ),
                  )}
                </tr>
              ))}
            </TBody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
