"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { decideFlagAction } from "@/lib/actions/admin/decide-flag";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { TextField } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { Notice } from "@/components/ui/notice";

type Decision = "approve" | "void" | "suspend";
const QUESTION: Record<Decision, (who: string) => string> = {
  approve: (who) =>
    `Approve? ${who}'s held rewards become available and cash-out reopens, unless another flag still holds.`,
  void: (who) =>
    `Void? Every reward held for ${who} is reversed through the ledger with your reason. This cannot be undone.`,
  suspend: (who) => `Suspend ${who}? They are signed out everywhere, cannot sign in, and stay held.`,
};
const LABEL: Record<Decision, [string, string]> = {
  approve: ["Approve and release", "Approving…"],
  void: ["Void rewards", "Voiding…"],
  suspend: ["Suspend driver", "Suspending…"],
};

/** Approve, void or suspend one open flag, with a reason and a confirm step saying what happens. */
export function RiskDecisionForm({ flagId, who }: { flagId: string; who: string }) {
  const [state, formAction, pending] = useFormAction(decideFlagAction, null);
  const [reason, setReason] = useState("");
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [reasonError, setReasonError] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  useRefreshOnSuccess(state);

  function ask(decision: Decision) {
    if (reason.trim().length < 3) {
      setReasonError("Say why (at least 3 characters): it is kept in the audit log.");
      form.current?.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
      return;
    }
    setReasonError(undefined);
    setDeciding(decision);
  }

  if (state?.ok)
    return (
      <Notice tone="success">
        Decided: {state.data.status.toLowerCase()}.{" "}
        {state.data.released ? `${state.data.released} held reward(s) released. ` : ""}
        {state.data.reversed ? `${state.data.reversed} reward(s) reversed.` : ""}
      </Notice>
    );

  return (
    <form
      ref={form}
      action={formAction}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        if (!deciding) e.preventDefault();
      }}
    >
      <input type="hidden" name="flagId" value={flagId} />
      <input type="hidden" name="decision" value={deciding ?? ""} />
      <TextField
        name="reason"
        label="Reason for the decision"
        type="text"
        autoComplete="off"
        required
        maxLength={300}
        readOnly={deciding !== null}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        hint="Kept with the flag and in the audit log; a void's reason is on each reversal."
        error={reasonError ?? fieldError(state, "reason")}
      />
      {deciding ? (
        <ConfirmBox
          tone={deciding === "approve" ? "brand" : "danger"}
          question={QUESTION[deciding](who)}
          confirmLabel={LABEL[deciding][0]}
          pendingLabel={LABEL[deciding][1]}
          pending={pending}
          onCancel={() => setDeciding(null)}
          error={formError(state)}
        />
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => ask("approve")}>Approve…</Button>
          <Button variant="secondary" onClick={() => ask("void")}>
            Void rewards…
          </Button>
          <Button variant="secondary" onClick={() => ask("suspend")}>
            Suspend driver…
          </Button>
        </div>
      )}
    </form>
  );
}
