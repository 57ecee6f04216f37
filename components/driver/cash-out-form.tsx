"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { requestCashOutAction } from "@/lib/actions/driver/request-cash-out";
import { formError } from "@/components/auth/action-state";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { useInvalidatingActionState } from "@/components/driver/queries/use-invalidation";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { FormAlert, TextField } from "@/components/ui/form-controls";
import { formatUsd } from "@/components/ui/format";
import { useStateChange } from "@/components/ui/use-state-change";
import * as money from "./cash-out-amount";
import { CashOutMethodPicker } from "./cash-out-method-picker";
import { CashOutBreakdown, CashOutRequested, TooLittleToCashOut, YouGet } from "./cash-out-summary";
import { useCashOutDraft } from "./use-cash-out-draft";

type CashOutFormProps = {
  availableCents: number;
  limits: money.CashOutLimits;
  bank: { name: string | null; last4: string };
  instantAvailable: boolean;
  arrival: Record<money.CashOutMethod, string>;
  /** Made on the server for this rendering: a double tap cashes out once; a success brings a new one. */
  idempotencyKey: string;
};

const INVALIDATES = [driverQueryKeys.balances];

/** Amount (all available, capped, to start) and speed → a confirm step with the sums → the request. */
export function CashOutForm(props: CashOutFormProps) {
  const { availableCents, limits, bank, instantAvailable, arrival, idempotencyKey } = props;
  const [state, formAction, pending] = useInvalidatingActionState(requestCashOutAction, null, INVALIDATES);
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();
  const draft = useCashOutDraft(availableCents, limits);
  const { ready } = draft;
  const [sent, setSent] = useState<{ netCents: number; method: money.CashOutMethod } | null>(null);
  const amountInput = useRef<HTMLInputElement>(null);

  useStateChange(state, (next) => {
    if (!next) return;
    close();
    if (next.ok) draft.reset();
  });
  // a refusal can mean this page is out of date (another tab cashed out): show the balance, today's
  // remainder and the history as they are now, keeping the refusal on screen
  const router = useRouter();
  useEffect(() => {
    if (state && !state.ok) router.refresh();
  }, [state, router]);

  function askToConfirm() {
    draft.check();
    if (ready) ask();
    else amountInput.current?.focus();
  }

  return (
    <form
      action={formAction}
      className="space-y-5"
      noValidate
      onSubmit={(e) => {
        if (confirming && ready) {
          setSent({ netCents: ready.cents - ready.feeCents, method: draft.method });
          return;
        }
        e.preventDefault(); // Enter in the amount asks first, like the button
        askToConfirm();
      }}
    >
      <div aria-live="polite">
        {state?.ok && sent ? (
          <CashOutRequested
            payoutId={state.data.id}
            replayed={state.data.replayed}
            netCents={sent.netCents}
            arrival={arrival[sent.method]}
            bank={bank}
          />
        ) : null}
      </div>

      {money.mostNow(limits, availableCents) < limits.minCents ? (
        <TooLittleToCashOut availableCents={availableCents} limits={limits} />
      ) : (
        <>
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="amountCents" value={ready?.cents ?? ""} />
          <input type="hidden" name="method" value={draft.method} />
          <fieldset disabled={confirming || pending} className="space-y-5">
            <p className="text-sm text-slate-600">{money.limitsInWords(limits)}</p>
            <TextField
              ref={amountInput}
              name="amount"
              label="Amount in US dollars"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              required
              value={draft.text}
              onChange={(e) => draft.setText(e.target.value)}
              onBlur={draft.check}
              error={draft.problem}
              hint={`${formatUsd(availableCents)} available.`}
              controlSize="lg"
              className="max-w-48 tabular-nums"
            />
            <CashOutMethodPicker
              value={draft.method}
              onChange={draft.setMethod}
              instantFeeCents={ready?.instantFeeCents ?? null}
              instantFeeBps={limits.instantFeeBps}
              instantAvailable={instantAvailable}
              arrival={arrival}
            />
          </fieldset>

          {ready ? <YouGet amountCents={ready.cents} feeCents={ready.feeCents} /> : null}

          {confirming && ready ? (
            <ConfirmBox
              tone="brand"
              question={`Cash out ${formatUsd(ready.cents)} to your bank?`}
              confirmLabel="Confirm"
              pendingLabel="Requesting…"
              pending={pending}
              cancelLabel="Back"
              onCancel={close}
              stretch
            >
              <CashOutBreakdown
                amountCents={ready.cents}
                feeCents={ready.feeCents}
                arrival={arrival[draft.method]}
                bank={bank}
              />
            </ConfirmBox>
          ) : (
            <>
              <FormAlert message={formError(state)} />
              <Button ref={triggerRef} size="lg" className="w-full sm:w-auto" onClick={askToConfirm}>
                Continue
              </Button>
            </>
          )}
        </>
      )}
    </form>
  );
}
