// CSV text a spreadsheet opens safely: pure formatting, no I/O, so the domains that export CSV
// (audit, reports) need not load the HTTP layer.

// A spreadsheet runs a cell that starts with one of these as a formula (tab and CR too, in some).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell a spreadsheet opens safely. Text that could be read as a formula gets a leading
 * apostrophe, so `=HYPERLINK(…)` or `+1` shows as the text it is; quotes, commas and line breaks
 * are quoted. Numbers are the app's own figures (never someone's text) and are written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, one line per row, ending in a newline. */
export function csvText(rows: (string | number)[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}
