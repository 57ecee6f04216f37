"use client";

import { useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { changeMerchantStatusAction } from "@/lib/actions/admin/change-merchant-status";
import { fieldError, formError } from "@/components/auth/action-state";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { TextAreaField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

type Transition = "approve" | "reject" | "suspend" | "reinstate";

const BY_STATUS: Record<string, Transition[]> = {
  PENDING: ["approve", "reject"],
  ACTIVE: ["suspend"],
  SUSPENDED: ["reinstate"],
  REJECTED: [],
};
const LABEL: Record<Transition, string> = {
  approve: "Approve",
  reject: "Reject",
  suspend: "Suspend",
  reinstate: "Reinstate",
};
const QUESTION: Record<Transition, (name: string) => string> = {
  approve: (n) => `Approve ${n}? Its offers go live for drivers and its team can take Nova.`,
  reject: (n) => `Reject ${n}? Its owners see the reason on their dashboard.`,
  suspend: (n) =>
    `Suspend ${n}? Its offers leave the app and map at once, and redemptions, spends and purchase rewards there are refused.`,
  reinstate: (n) => `Reinstate ${n}? Its live offers return to the app and map at once.`,
};

/** The moves allowed from the merchant's status, each with a reason and a confirm step. */
export function MerchantStatusForm({ merchantId, name, status }: { merchantId: string; name: string; status: string }) {
  const [state, formAction, pending] = useFormAction(changeMerchantStatusAction, null);
  const [step, setStep] = useState<Transition | null>(null);
  useRefreshOnSuccess(state);
  // a move that succeeded closes its confirm box (the page refreshes into the new status and its moves)
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state?.ok) setStep(null);
  }
  const allowed = BY_STATUS[status] ?? [];
  if (allowed.length === 0) return <p className="text-sm text-slate-600">No action is open for a rejected merchant.</p>;

  if (step) {
    return (
      <form action={formAction} noValidate className="max-w-xl">
        <input type="hidden" name="merchantId" value={merchantId} />
        <input type="hidden" name="transition" value={step} />
        <ConfirmBox
          tone={step === "approve" || step === "reinstate" ? "brand" : "danger"}
          size="sm"
          focusQuestion={false}
          question={QUESTION[step](name)}
          confirmLabel={LABEL[step]}
          pendingLabel="Saving…"
          pending={pending}
          onCancel={() => setStep(null)}
          error={fieldError(state, "reason") ? undefined : formError(state)}
        >
          <TextAreaField
            name="reason"
            label="Reason (kept in the audit log)"
            required
            maxLength={500}
            rows={2}
            autoFocus
            error={fieldError(state, "reason")}
          />
        </ConfirmBox>
      </form>
    );
  }
  return (
    <div className="space-y-3">
      {state?.ok ? (
        <Notice tone="success">
          Saved: {state.data.name} is now {state.data.status.toLowerCase()}.
        </Notice>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {allowed.map((t) => (
          <Button
            key={t}
            size="sm"
            variant={t === "suspend" || t === "reject" ? "secondary" : "primary"}
            onClick={() => setStep(t)}
          >
            {LABEL[t]}…
          </Button>
        ))}
      </div>
    </div>
  );
}
