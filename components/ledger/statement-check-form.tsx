"use client";

import { FileCheckIcon } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import type { ActionResult } from "@/lib/actions";
import type { StatementCheck } from "@/lib/ledger/check-statement-file";
import { fieldError, formError } from "@/components/auth/action-state";
import { Field, FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { StatementCheckVerdict } from "./statement-check-verdict";

type CheckAction = (prev: unknown, form: FormData) => Promise<ActionResult<StatementCheck>>;

/**
 * One file input and the verdict under it. A file past the size cap is refused here with a
 * sentence before it is sent (the action refuses it too); the verdict region is live, so a screen
 * reader hears the answer when it arrives.
 */
type Props = {
  action: CheckAction;
  hint: string;
  /** STATEMENT_FILE_LIMIT from the page (the domain's constants stay behind its index). */
  limit: { maxBytes: number; message: string };
};

export function StatementCheckForm({ action, hint, limit }: Props) {
  const [state, formAction, pending] = useFormAction(action, null);
  const [tooLarge, setTooLarge] = useState(false);
  const [checkedName, setCheckedName] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const error = tooLarge ? limit.message : fieldError(state, "statement");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = input.current?.files?.[0];
    if (file && file.size > limit.maxBytes) {
      event.preventDefault();
      setTooLarge(true);
      return;
    }
    setCheckedName(file?.name ?? "");
  }

  return (
    <div className="space-y-4">
      <form action={formAction} onSubmit={onSubmit} className="space-y-3" noValidate>
        <Field label="Statement file (CSV)" hint={hint} error={error}>
          {(wiring) => (
            <input
              {...wiring}
              ref={input}
              type="file"
              name="statement"
              accept=".csv,text/csv"
              required
              onChange={(e) => setTooLarge((e.target.files?.[0]?.size ?? 0) > limit.maxBytes)}
              className={
                "mt-1 block w-full min-w-0 rounded-lg border border-slate-300 bg-white p-1.5 text-sm text-slate-700 " +
                "shadow-sm file:mr-3 file:h-8 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 " +
                "file:text-sm file:font-medium file:text-brand-800 hover:file:bg-brand-100 aria-invalid:border-rose-500"
              }
            />
          )}
        </Field>
        <SubmitButton pending={pending} pendingLabel="Checking…" disabled={tooLarge}>
          <FileCheckIcon className="size-4" />
          Check statement
        </SubmitButton>
      </form>
      <div aria-live="polite" aria-atomic="true">
        {state?.ok && !pending ? <StatementCheckVerdict check={state.data} fileName={checkedName} /> : null}
        <FormAlert message={state && !state.ok && !error && !pending ? formError(state) : undefined} />
      </div>
    </div>
  );
}
