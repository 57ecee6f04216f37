"use client";

import { useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { approveMerchantAction, rejectMerchantAction } from "@/lib/actions/admin/review-merchant";
import { fieldError, formError } from "@/components/auth/action-state";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { TextAreaField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

/** Approve (the business goes live) or reject with a reason the owner reads, each with a confirm step. */
export function MerchantReviewForm({ merchantId, name }: { merchantId: string; name: string }) {
  const [approved, approve, approving] = useFormAction(approveMerchantAction, null);
  const [rejected, reject, rejecting] = useFormAction(rejectMerchantAction, null);
  const [step, setStep] = useState<"approve" | "reject" | null>(null);
  useRefreshOnSuccess(approved);
  useRefreshOnSuccess(rejected);

  if (approved?.ok) return <Notice tone="success">Approved: {name} is live for drivers.</Notice>;
  if (rejected?.ok) return <Notice tone="success">Not approved: {name}’s owners will see your reason.</Notice>;

  if (step === "approve") {
    return (
      <form action={approve} noValidate>
        <input type="hidden" name="merchantId" value={merchantId} />
        <ConfirmBox
          tone="brand"
          size="sm"
          question={`Approve ${name}? Its team can then confirm codes and take Nova, and its offers can go live.`}
          confirmLabel="Approve"
          pendingLabel="Approving…"
          pending={approving}
          onCancel={() => setStep(null)}
          error={fieldError(approved, "reason") ? undefined : formError(approved)}
        >
          <TextAreaField
            name="reason"
            label="Reason (kept in the audit log)"
            required
            maxLength={500}
            rows={2}
            defaultValue="Business details checked."
            error={fieldError(approved, "reason")}
          />
        </ConfirmBox>
      </form>
    );
  }
  if (step === "reject") {
    return (
      <form action={reject} noValidate>
        <input type="hidden" name="merchantId" value={merchantId} />
        <ConfirmBox
          size="sm"
          focusQuestion={false}
          question={`Reject ${name}? Its owners see the reason on their dashboard.`}
          confirmLabel="Reject"
          pendingLabel="Rejecting…"
          pending={rejecting}
          onCancel={() => setStep(null)}
          error={fieldError(rejected, "reason") ? undefined : formError(rejected)}
        >
          <TextAreaField
            name="reason"
            label="Reason"
            required
            maxLength={500}
            rows={2}
            autoFocus
            error={fieldError(rejected, "reason")}
          />
        </ConfirmBox>
      </form>
    );
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button size="sm" onClick={() => setStep("approve")}>
        Approve…
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setStep("reject")}>
        Reject…
      </Button>
    </div>
  );
}
