"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { decideClaimAction } from "@/lib/actions/admin/decide-claim";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { TextField } from "@/components/ui/form-controls";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { Notice } from "@/components/ui/notice";

type ClaimDecisionFormProps = { claimId: string; driverName: string; chargerName: string };

/**
 * Approve (pays the session's reward once) or reject, always with a reason the driver reads:
 * the reason first, then a confirm step that says what the decision does.
 */
export function ClaimDecisionForm({ claimId, driverName, chargerName }: ClaimDecisionFormProps) {
  const [state, formAction, pending] = useFormAction(decideClaimAction, null);
  const [note, setNote] = useState("");
  const [deciding, setDeciding] = useState<"approve" | "reject" | null>(null);
  const [noteError, setNoteError] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  useRefreshOnSuccess(state);

  function ask(decision: "approve" | "reject") {
    if (note.trim().length < 3) {
      setNoteError("Give a reason (at least 3 characters): the driver reads it with the decision.");
      form.current?.querySelector<HTMLInputElement>('input[name="note"]')?.focus();
      return;
    }
    setNoteError(undefined);
    setDeciding(decision);
  }

  if (state?.ok) {
    return (
      <Notice tone="success">
        {state.data.approved
          ? `Approved: ${driverName} has been paid the session’s reward.`
          : `Rejected: ${driverName} will see your reason.`}
      </Notice>
    );
  }

  return (
    <form
      ref={form}
      action={formAction}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        if (deciding) return;
        e.preventDefault(); // Enter in the reason field does not decide on its own
      }}
    >
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="approve" value={deciding === "approve" ? "true" : "false"} />
      <TextField
        name="note"
        label="Reason"
        type="text"
        autoComplete="off"
        required
        maxLength={500}
        readOnly={deciding !== null}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        hint="The driver sees this with your decision; it is also kept in the audit log."
        error={noteError ?? fieldError(state, "note")}
      />
      {deciding ? (
        <ConfirmBox
          tone={deciding === "approve" ? "brand" : "danger"}
          question={
            deciding === "approve"
              ? `Approve ${driverName}’s claim for ${chargerName}? The session becomes verified and its reward is paid to their wallet.`
              : `Reject ${driverName}’s claim for ${chargerName}? The session stays unpaid and the claim is closed.`
          }
          confirmLabel={deciding === "approve" ? "Approve and pay" : "Reject claim"}
          pendingLabel={deciding === "approve" ? "Approving…" : "Rejecting…"}
          pending={pending}
          onCancel={() => setDeciding(null)}
          error={formError(state)}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => ask("approve")}>Approve…</Button>
          <Button variant="secondary" onClick={() => ask("reject")}>
            Reject…
          </Button>
        </div>
      )}
    </form>
  );
}
