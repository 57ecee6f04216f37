"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { fieldError, formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";
import { formatUsd } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { simulatePurchaseAction } from "@/lib/actions/merchant/simulate-purchase";

/**
 * Sandbox only: ring up a sale in the Square sandbox as the shop's POS would. Square (the twin)
 * then delivers the order's webhooks, and the app ingests it like a real sale.
 */
export function SimulatePurchase({ merchantId }: { merchantId: string }) {
  const [state, formAction, pending] = useFormAction(simulatePurchaseAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state?.ok ? (
        <Notice tone="success">
          Sent: Square will deliver order <span className="font-mono break-all">{state.data.orderId}</span> (
          {formatUsd(state.data.totalCents)} at {state.data.locationName}) to the webhook.
        </Notice>
      ) : null}
      <FormAlert message={fieldError(state, "amount") || fieldError(state, "phone") ? undefined : formError(state)} />
      <input type="hidden" name="merchantId" value={merchantId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="amount"
          label="Amount (USD)"
          type="text"
          inputMode="decimal"
          defaultValue="12.40"
          required
          maxLength={8}
          error={fieldError(state, "amount")}
        />
        <TextField
          name="phone"
          label="Customer phone (optional)"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          maxLength={32}
          placeholder="+1 512 555 0142"
          hint="The driver's verified phone, to match by phone."
          error={fieldError(state, "phone")}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel="Ringing up…" variant="secondary">
        Simulate a purchase
      </SubmitButton>
    </form>
  );
}
