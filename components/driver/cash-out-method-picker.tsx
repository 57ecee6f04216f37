"use client";

import { useId } from "react";
import { formatUsd } from "@/components/ui/format";
import { capitalize, percentOf, type CashOutMethod } from "./cash-out-amount";

type MethodPickerProps = {
  value: CashOutMethod;
  onChange: (method: CashOutMethod) => void;
  /** The instant fee for the amount typed, when it is a valid amount. */
  instantFeeCents: number | null;
  instantFeeBps: number;
  instantAvailable: boolean;
  arrival: Record<CashOutMethod, string>;
};

const option =
  "flex cursor-pointer items-start gap-3 rounded-xl border border-slate-200 px-3 py-3 hover:bg-slate-50 " +
  "has-checked:border-brand-600 has-checked:bg-brand-50 has-disabled:cursor-not-allowed has-disabled:opacity-60 has-disabled:hover:bg-transparent";

/**
 * Standard (free) or instant (a fee, minutes instead of days). The radios only choose: the form
 * sends the method in its own hidden field, so the choice survives while the confirm step is open.
 */
export function CashOutMethodPicker(props: MethodPickerProps) {
  const { value, onChange, instantFeeCents, instantFeeBps, instantAvailable, arrival } = props;
  const name = useId();
  const whyNoInstant = useId();
  const fee =
    instantFeeCents === null
      ? `${percentOf(instantFeeBps)} fee`
      : `${formatUsd(instantFeeCents)} fee (${percentOf(instantFeeBps)})`;

  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">How fast</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        <label className={option}>
          <input
            type="radio"
            name={name}
            checked={value === "STANDARD"}
            onChange={() => onChange("STANDARD")}
            className="mt-0.5 size-4 shrink-0 accent-brand-600"
          />
          <span className="min-w-0 text-sm">
            <span className="block font-medium text-slate-900">Standard · free</span>
            <span className="block text-slate-600">{capitalize(arrival.STANDARD)}</span>
          </span>
        </label>
        <label className={option}>
          <input
            type="radio"
            name={name}
            checked={value === "INSTANT"}
            disabled={!instantAvailable}
            aria-describedby={instantAvailable ? undefined : whyNoInstant}
            onChange={() => onChange("INSTANT")}
            className="mt-0.5 size-4 shrink-0 accent-brand-600"
          />
          <span className="min-w-0 text-sm">
            <span className="block font-medium text-slate-900">Instant · {fee}</span>
            <span className="block text-slate-600">{capitalize(arrival.INSTANT)}</span>
            {instantAvailable ? null : (
              <span id={whyNoInstant} className="mt-1 block text-slate-600">
                Not available for your bank account: Stripe offers instant cash-out only to some banks and debit cards.
              </span>
            )}
          </span>
        </label>
      </div>
    </fieldset>
  );
}
