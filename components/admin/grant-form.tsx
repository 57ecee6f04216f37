"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { useStateChange } from "@/components/ui/use-state-change";
import { grantNovaAction } from "@/lib/actions/admin/grant-nova";
import { RoleBadge } from "@/components/account/role-badge";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { FieldError, FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { Badge } from "@/components/ui/badge";
import { NovaAmount } from "@/components/ui/nova-amount";

export type GrantCandidate = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  role: string;
  status: string;
};

type GrantFormProps = {
  query: string;
  candidates: GrantCandidate[];
  /** The search hit its limit: there may be more matches than shown. */
  more: boolean;
  maxAmount: number;
  /** Made on the server for this rendering of the form: a resubmit reuses it, a new render brings a new one. */
  idempotencyKey: string;
};

const who = (c: GrantCandidate) => c.name ?? c.email ?? c.phone ?? "this driver";

/** Pick a driver from the search results, then an amount and a reason the driver will see. */
export function GrantForm({ query, candidates, more, maxAmount, idempotencyKey }: GrantFormProps) {
  const [state, formAction, pending] = useFormAction(grantNovaAction, null);
  const [driverId, setDriverId] = useState(candidates.length === 1 ? candidates[0].id : "");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const form = useRef<HTMLFormElement>(null);
  const pickerError = useId();
  useFocusFirstInvalid(form, state);

  // After a grant, clear the amount and reason (the driver stays chosen for a follow-up).
  useStateChange(state, (next) => {
    if (!next?.ok) return;
    setAmount("");
    setReason("");
  });

  const granted = state?.ok ? state.data : null;
  const grantedTo = granted ? candidates.find((c) => c.id === granted.driverId) : undefined;
  const driverError = fieldError(state, "driverId");

  return (
    <form ref={form} action={formAction} className="space-y-5" noValidate>
      {granted ? (
        <Notice tone="success">
          <p className="font-medium">
            {granted.replayed ? "Already granted: " : "Granted "}
            <NovaAmount amount={granted.amount} starClassName="" /> to {grantedTo ? who(grantedTo) : "the driver"}.
          </p>
          <Link
            href={`/admin/ledger/${granted.transactionId}`}
            className="mt-1 inline-block font-medium underline underline-offset-4"
          >
            View the transaction
          </Link>
        </Notice>
      ) : null}
      <FormAlert message={formError(state)} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

      <fieldset aria-describedby={driverError ? pickerError : undefined}>
        <legend className="text-sm font-medium text-slate-800">Driver</legend>
        {!query ? (
          <p className="mt-1 text-sm text-slate-600">Search above, then choose the driver here.</p>
        ) : candidates.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">
            Nobody’s name, email or phone contains “{query}”. Check the spelling and search again.
          </p>
        ) : (
          <ul className="mt-2 space-y-2">
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="flex cursor-pointer items-center gap-3 rounded-xl border border-slate-200 px-3 py-2.5 hover:bg-slate-50 has-checked:border-brand-600 has-checked:bg-brand-50">
                  <input
                    type="radio"
                    name="driverId"
                    value={c.id}
                    checked={driverId === c.id}
                    onChange={() => setDriverId(c.id)}
                    data-invalid={driverError ? true : undefined}
                    className="size-4 shrink-0 accent-brand-600"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium text-slate-900">
                      {c.name ?? <span className="text-slate-500">No name</span>}
                    </span>
                    <span className="block truncate text-sm text-slate-600">{c.email ?? c.phone}</span>
                  </span>
                  <span className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center">
                    <RoleBadge role={c.role} />
                    {c.status !== "ACTIVE" ? <Badge tone="danger">Suspended</Badge> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {more ? (
          <p className="mt-2 text-xs text-slate-500">
            Showing the first {candidates.length} matches. Narrow the search to find others.
          </p>
        ) : null}
        {driverError ? <FieldError id={pickerError}>Choose the driver to grant to.</FieldError> : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField
          name="amount"
          label="Amount (Nova)"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxAmount}
          step={1}
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={fieldError(state, "amount")}
        />
        <TextField
          name="reason"
          label="Reason"
          type="text"
          autoComplete="off"
          required
          maxLength={200}
          placeholder="e.g. Welcome bonus"
          hint="The driver sees this in their wallet."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={fieldError(state, "reason")}
        />
      </div>

      <SubmitButton pending={pending} pendingLabel="Granting…" disabled={!driverId} className="w-full sm:w-auto">
        Grant Nova
      </SubmitButton>
    </form>
  );
}
