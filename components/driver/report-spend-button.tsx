"use client";

import { useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { buttonError } from "@/components/auth/action-state";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { reportSpendAction } from "@/lib/actions/driver/report-spend";

/** "Not me? Report it" under a payment in the wallet, with a confirm step. */
export function ReportSpendButton({ transactionId, reason }: { transactionId: string; reason: string }) {
  const [state, formAction, pending] = useFormAction(reportSpendAction, null);
  const [confirming, setConfirming] = useState(false);

  if (state?.ok) {
    return (
      <p role="status" className="mt-1 text-xs font-medium text-slate-700">
        Reported: our team is looking into it.
      </p>
    );
  }
  if (!confirming) {
    return (
      <Button variant="ghost" size="sm" className="mt-1 -ml-2 text-rose-700" onClick={() => setConfirming(true)}>
        Not me? Report it
      </Button>
    );
  }
  return (
    <form action={formAction} className="mt-2">
      <input type="hidden" name="transactionId" value={transactionId} />
      <ConfirmBox
        question={`Report “${reason}” as a payment you did not make? Our team will look into it.`}
        tone="danger"
        confirmLabel="Report payment"
        pendingLabel="Reporting…"
        pending={pending}
        onCancel={() => setConfirming(false)}
        error={buttonError(state)}
      />
    </form>
  );
}
