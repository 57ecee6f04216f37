import { describe, expect, it } from "vitest";
import { statementFileInput } from "@/lib/ledger/statement-file-input";

const messages = (file: File) => {
  const parsed = statementFileInput.safeParse({ statement: file });
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("the Check a statement form's file", () => {
  it("asks for a file when none was chosen (the browser sends an empty one without a name)", () => {
    expect(messages(new File([], ""))).toEqual(["Choose the statement file you downloaded."]);
  });

  it("says a chosen file is empty rather than asking to choose one", () => {
    expect(messages(new File([], "nerava-wallet-2026-12-03.csv"))).toEqual([
      "This file is empty. Choose the statement you downloaded.",
    ]);
  });

  it("takes a file with content", () => {
    expect(messages(new File(["date,transaction\n"], "statement.csv"))).toEqual([]);
  });
});
