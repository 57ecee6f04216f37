import { describe, expect, it } from "vitest";
import { csvCell, csvText } from "@/lib/csv";

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
