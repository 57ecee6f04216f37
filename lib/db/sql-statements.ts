/**
 * Splits a migration script into statements at the semicolons that end them — not those inside
 * quotes, quoted identifiers, dollar-quoted bodies ($$ … $$, $tag$ … $tag$) or comments.
 * Prisma's pg adapter splits on every ";", which breaks a plpgsql function body.
 */
export function splitSqlStatements(script: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  while (i < n) {
    const c = script[i];
    const next = script[i + 1];
    if (c === "-" && next === "-") {
      const end = script.indexOf("\n", i);
      i = end === -1 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      const end = script.indexOf("*/", i + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      i = closingQuote(script, i, c);
    } else if (c === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end === -1 ? n : end + tag.length;
      } else i += 1;
    } else if (c === ";") {
      out.push(script.slice(start, i));
      i += 1;
      start = i;
    } else i += 1;
  }
  out.push(script.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0 && !onlyComments(s));
}

/** Index just past the quote closing the one at `from` (a doubled quote is an escaped one). */
function closingQuote(s: string, from: number, q: string): number {
  let i = from + 1;
  while (i < s.length) {
    if (s[i] === q) {
      if (s[i + 1] === q) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return s.length;
}

const onlyComments = (s: string) =>
  s
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .every((line) => line.trim() === "" || line.trim().startsWith("--"));
