/** A CSV download: UTF-8, saved under `filename` by the browser, never cached (it is someone's money). */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** `nerava-<what>-2026-05-01.csv` */
export const statementFilename = (what: string) => `nerava-${what}-${new Date().toISOString().slice(0, 10)}.csv`;
