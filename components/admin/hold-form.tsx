"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { holdCashOutsAction } from "@/lib/actions/admin/hold-cash-outs";
import { releaseHoldAction } from "@/lib/actions/admin/release-hold";
import type { ActionResult } from "@/lib/actions";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { TextField } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";

/** Hold a driver's cash-outs, or release the hold, with a reason and a confirm step. */
export function HoldForm({ userId, held }: { userId: string; held: boolean }) {
  // the page remounts this form (a key on `held`) when the hold flips, so one action per mount
  const act = (held ? releaseHoldAction : holdCashOutsAction) as (
    prev: unknown,
    form: FormData,
  ) => Promise<ActionResult<unknown>>;
  const [state, formAction, pending] = useFormAction(act, null);
  const [reason, setReason] = useState("");
  const [asking, setAsking] = useState(false);
  const [reasonError, setReasonError] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  useRefreshOnSuccess(state);

  function ask() {
    if (reason.trim().length < 3) {
      setReasonError("Say why (at least 3 characters): it is kept in the audit log.");
      return;
    }
    setReasonError(undefined);
    setAsking(true);
  }

  return (
    <form
      ref={form}
      action={formAction}
      className="space-y-3"
      noValidate
      onSubmit={(e) => {
        if (!asking) {
          e.preventDefault();
          ask();
        }
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <TextField
        name="reason"
        label={held ? "Reason for releasing the hold" : "Reason for holding cash-outs"}
        type="text"
        autoComplete="off"
        required
        maxLength={300}
        readOnly={asking}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={reasonError ?? fieldError(state, "reason")}
      />
      {asking ? (
        <ConfirmBox
          tone={held ? "brand" : "danger"}
          question={
            held
              ? "Release the admin hold? If no open flag is left, held rewards become available and cash-out reopens."
              : "Hold this driver? Cash-out requests are refused and new rewards stay pending until the hold is released."
          }
          confirmLabel={held ? "Release hold" : "Hold cash-outs"}
          pendingLabel={held ? "Releasing…" : "Holding…"}
          pending={pending}
          onCancel={() => setAsking(false)}
          error={formError(state)}
        />
      ) : (
        <Button variant="secondary" onClick={ask}>
          {held ? "Release hold…" : "Hold cash-outs…"}
        </Button>
      )}
    </form>
  );
}
