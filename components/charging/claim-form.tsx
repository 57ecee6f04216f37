"use client";

import { useActionState, useId, useRef, useState } from "react";
import { fileClaimAction } from "@/lib/actions/driver/file-claim";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/auth/form-controls";
import { Button } from "@/components/ui/button";

/** "Missing points? File a claim": opens a note field; an admin reviews the evidence and decides. */
export function ClaimForm({ sessionId, chargerName }: { sessionId: string; chargerName: string }) {
  const [state, formAction, pending] = useActionState(fileClaimAction, null);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  useFocusFirstInvalid(form, state);
  const error = fieldError(state, "note");

  if (state?.ok) {
    return (
      <p role="status" className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900">
        Claim sent. We’ll look at your car’s and phone’s readings and let you know here.
      </p>
    );
  }

  if (!open) {
    return (
      <Button variant="ghost" size="sm" className="-ml-3" onClick={() => setOpen(true)}>
        Missing points? File a claim<span className="sr-only"> for {chargerName}</span>
      </Button>
    );
  }

  return (
    <form
      ref={form}
      action={formAction}
      className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-3"
      noValidate
    >
      <input type="hidden" name="sessionId" value={sessionId} />
      <div>
        <label htmlFor={`${id}-note`} className="block text-sm font-medium text-slate-800">
          What happened?
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={3}
          required
          minLength={10}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 aria-invalid:border-rose-500 sm:text-sm"
          placeholder="For example: I charged for 40 minutes but my phone was in airplane mode."
        />
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rose-700">
            {error}
          </p>
        ) : (
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
            A person checks your car’s and phone’s readings for this session.
          </p>
        )}
      </div>
      <FormAlert message={state && !state.ok && !error ? formError(state) : undefined} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="Sending…" size="sm">
          Send claim
        </SubmitButton>
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
