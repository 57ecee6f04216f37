"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { fileClaimAction } from "@/lib/actions/driver/file-claim";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextAreaField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";

/** "Missing points? File a claim": opens a note field; an admin reviews the evidence and decides. */
export function ClaimForm({ sessionId, chargerName }: { sessionId: string; chargerName: string }) {
  const [state, formAction, pending] = useFormAction(fileClaimAction, null);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  const error = fieldError(state, "note");

  if (state?.ok) {
    return (
      <Notice tone="success">Claim sent. We’ll look at your car’s and phone’s readings and let you know here.</Notice>
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
      <TextAreaField
        name="note"
        label="What happened?"
        rows={3}
        required
        minLength={10}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoFocus
        placeholder="For example: I charged for 40 minutes but my phone was in airplane mode."
        hint="A person checks your car’s and phone’s readings for this session."
        error={error}
      />
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
