// CSV text a spreadsheet opens safely, and read back exactly: pure formatting, no I/O, so the
// domains that export CSV (audit, reports, statements) need not load the HTTP layer.

// The cells csvCell marks with a leading apostrophe: those a spreadsheet would run as a formula
// (= + - @, and tab and CR in some), and those starting with an apostrophe, so that parseCsv can
// take off exactly the mark it added ("'=x" and "=x" stay two different cells).
const MARKED = /^[=+\-@\t\r']/;
// A plain decimal number (the app's amounts, as exact text) is a number to a spreadsheet, not a
// formula, even with its minus sign: written as it is, so a column of them still sums.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV cell a spreadsheet opens safely. Text that could be read as a formula gets a leading
 * apostrophe, so `=HYPERLINK(…)` or `+1` shows as the text it is; quotes, commas and line breaks
 * are quoted, and so is every marked cell. Numbers, and text that is a plain decimal number, are
 * written as they are.
 */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = MARKED.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, one line per row, ending in a newline. */
export function csvText(rows: (string | number)[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}

/**
 * Rows of cells (RFC 4180 quoting) with csvCell's mark taken off again: a cell that starts with an
 * apostrophe before what csvCell marks, quoted or not (a spreadsheet or a CSV library that saves
 * the file again drops quotes a cell does not need).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell.startsWith("'") && MARKED.test(cell.slice(1)) ? cell.slice(1) : cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ",") endCell();
    else if (c === "\n") endRow();
    else if (c !== "\r") cell += c;
  }
  if (cell !== "" || row.length) endRow();
  return rows;
}
