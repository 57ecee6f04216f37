"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { reinstateUserAction } from "@/lib/actions/admin/reinstate-user";
import { suspendUserAction } from "@/lib/actions/admin/suspend-user";
import { fieldError, formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";

type Props = { userId: string; who: string; status: string };

/**
 * Suspend (with a reason and a second click) or reinstate one user. One component for both so
 * the outcome stays on screen when the row's status flips after the page refreshes.
 */
export function UserAccessControl({ userId, who, status }: Props) {
  const [suspendState, suspendAction, suspending] = useFormAction(suspendUserAction, null);
  const [reinstateState, reinstateAction, reinstating] = useFormAction(reinstateUserAction, null);
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();
  const [reasonError, setReasonError] = useState<string>();
  const reasonInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (suspendState?.ok) close();
  }, [suspendState, close]);
  // The reason is required, so the step opens on its field rather than on the question.
  useEffect(() => {
    if (confirming) reasonInput.current?.focus();
  }, [confirming]);

  function requireReason(event: FormEvent<HTMLFormElement>) {
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    if (reason) return setReasonError(undefined);
    event.preventDefault();
    setReasonError("Give a reason: it goes in the audit log.");
    event.currentTarget.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
  }

  if (status === "SUSPENDED") {
    return (
      <div className="relative flex flex-col items-start gap-1">
        {suspendState?.ok ? (
          <span role="status" className="text-xs font-medium text-slate-600">
            Suspended;{" "}
            {suspendState.data.endedSessions === 1 ? "1 session" : `${suspendState.data.endedSessions} sessions`} ended.
          </span>
        ) : null}
        <form action={reinstateAction}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton pending={reinstating} pendingLabel="Reinstating…" variant="secondary" size="sm">
            Reinstate<span className="sr-only"> {who}</span>
          </SubmitButton>
        </form>
        <FormAlert message={formError(reinstateState)} />
      </div>
    );
  }

  if (!confirming) {
    return (
      <div className="relative flex flex-col items-start gap-1">
        {reinstateState?.ok ? (
          <span role="status" className="text-xs font-medium text-brand-700">
            Reinstated
          </span>
        ) : null}
        <Button ref={triggerRef} variant="secondary" size="sm" onClick={ask}>
          Suspend<span className="sr-only"> {who}</span>
        </Button>
      </div>
    );
  }

  return (
    <form action={suspendAction} onSubmit={requireReason} noValidate className="relative w-64 whitespace-normal">
      <input type="hidden" name="userId" value={userId} />
      <ConfirmBox
        question={`Suspend ${who}? They are signed out everywhere and cannot sign in until reinstated.`}
        confirmLabel="Suspend"
        pendingLabel="Suspending…"
        pending={suspending}
        onCancel={() => {
          close();
          setReasonError(undefined);
        }}
        error={formError(suspendState)}
        size="sm"
        focusQuestion={false}
        className="p-3"
      >
        <TextField
          ref={reasonInput}
          name="reason"
          label="Reason"
          type="text"
          autoComplete="off"
          required
          maxLength={300}
          hint="Kept in the audit log."
          error={reasonError ?? fieldError(suspendState, "reason")}
        />
      </ConfirmBox>
    </form>
  );
}
