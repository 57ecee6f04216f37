import { describe, expect, it } from "vitest";
import { csvCell, csvText, parseCsv } from "@/lib/csv";

describe("csvCell neutralises what a spreadsheet would run", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+1", `"'+1"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
  ])("%j is written as text", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("leaves ordinary text alone and quotes commas, quotes and line breaks", () => {
    expect(csvCell("Mueller Market Coffee")).toBe("Mueller Market Coffee");
    expect(csvCell("a, b")).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("writes the app's own numbers as numbers, negatives included", () => {
    expect(csvCell(12.4)).toBe("12.4");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("csvText joins cells and rows and ends with a newline", () => {
    expect(
      csvText([
        ["a", 1],
        ["=b", 2],
      ]),
    ).toBe('a,1\n"\'=b",2\n');
  });
});

describe("parseCsv reads back exactly what csvText wrote", () => {
  const awkward = [
    "=1+1",
    "+1",
    "-12.50",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "'",
    "'abc",
    "'=1+1",
    "''=x",
    "a, b",
    'say "hi"',
    "two\nlines",
    "crlf\r\nlines",
    "",
    "plain",
  ];

  it("round-trips every awkward cell, the mark taken off only where it was added", () => {
    const rows = awkward.map((cell, i) => [String(i), cell, "end"]);
    expect(parseCsv(csvText(rows))).toEqual(rows);
  });

  it("marks a leading apostrophe too, so “'=x” and “=x” stay two different cells", () => {
    expect(csvCell("'=x")).toBe(`"''=x"`);
    expect(csvCell("=x")).toBe(`"'=x"`);
    expect(parseCsv(`${csvCell("'=x")},${csvCell("=x")}\n`)).toEqual([["'=x", "=x"]]);
  });

  it("reads a file saved again without the quotes a cell does not need the same", () => {
    const rows = awkward.filter((c) => !/[",\n\r]/.test(c)).map((cell) => [cell]);
    const resaved = csvText(rows).replace(/^"(.*)"$/gm, "$1");
    expect(resaved).toMatch(/^'=1\+1$/m);
    expect(parseCsv(resaved)).toEqual(rows);
  });

  it("writes a plain decimal number as it is, negative too, so a spreadsheet sums it", () => {
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell("-1250")).toBe("-1250");
    expect(csvCell("-1e5")).toBe(`"'-1e5"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(parseCsv('-12.50,"\'-12.50"\n')).toEqual([["-12.50", "-12.50"]]);
  });
});
