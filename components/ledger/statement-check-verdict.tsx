import { CircleAlertIcon, CircleCheckIcon, FileQuestionIcon } from "lucide-react";
import type { StatementCheck } from "@/lib/ledger/check-statement-file";
import { Notice } from "@/components/ui/notice";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The answer for one checked file: it matches, where it first differs, or why it is no statement. */
export function StatementCheckVerdict({ check, fileName }: { check: StatementCheck; fileName: string }) {
  const file = fileName ? <p className="mb-1 truncate text-xs opacity-80">{fileName}</p> : null;
  if (check.verdict === "not_a_statement")
    return (
      <Notice tone="warning" role="note" icon={<FileQuestionIcon className="size-4" />}>
        {file}
        <p className="font-medium">This file cannot be checked.</p>
        <p className="mt-1 break-words">{check.message}</p>
      </Notice>
    );
  // a file with only the header proves nothing either way (every line of a statement may have been taken out)
  if (check.verdict === "matches" && check.lines === 0)
    return (
      <Notice tone="info" role="note" icon={<FileQuestionIcon className="size-4" />}>
        {file}
        <p className="font-medium">This statement has no lines, so there is nothing to check.</p>
        <p className="mt-1">A statement of an account with no activity is just its header line.</p>
      </Notice>
    );
  if (check.verdict === "matches")
    return (
      <Notice tone="success" role="note" icon={<CircleCheckIcon className="size-4" />}>
        {file}
        <p className="font-medium">
          {check.lines === 1
            ? "Its one line matches the ledger."
            : `All ${plural(check.lines, "line", "lines")} match the ledger.`}
        </p>
        <p className="mt-1">Every line’s hash verifies and no entry is missing.</p>
      </Notice>
    );
  const { first, further } = check;
  return (
    <Notice tone="danger" role="note" icon={<CircleAlertIcon className="size-4" />}>
      {file}
      <p className="font-medium">This statement differs from the ledger, first at line {first.line}.</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-medium">Line</dt>
        <dd>{first.line}</dd>
        <dt className="font-medium">Entry</dt>
        <dd className="min-w-0 font-mono break-all">{first.entryId ?? "none"}</dd>
        <dt className="font-medium">What</dt>
        <dd className="min-w-0 break-words">{first.message}</dd>
      </dl>
      <p className="mt-2">
        {further === 0
          ? "No further problems."
          : `${plural(further, "further problem", "further problems")} after this one.`}{" "}
        Lines run newest first; the header is line 1.
      </p>
    </Notice>
  );
}
