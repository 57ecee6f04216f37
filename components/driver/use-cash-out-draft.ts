"use client";

import { useState } from "react";
import {
  amountProblem,
  centsToInput,
  feeFor,
  parseDollars,
  type CashOutLimits,
  type CashOutMethod,
  mostNow,
} from "./cash-out-amount";

/**
 * The cash-out form's amount and speed as the driver edits them, and what they come to. `ready`
 * is set only for an amount that can be asked for: its cents and fees, for the summary and confirm.
 */
export function useCashOutDraft(availableCents: number, limits: CashOutLimits) {
  // null: the default, all that is available up to the maximum (so it follows the balance after a cash-out)
  const [typed, setTyped] = useState<string | null>(null);
  const [method, setMethod] = useState<CashOutMethod>("STANDARD");
  const [checked, setChecked] = useState(false);

  const text = typed ?? centsToInput(mostNow(limits, availableCents));
  const parsed = parseDollars(text);
  const problem = "error" in parsed ? parsed.error : amountProblem(parsed.cents, limits, availableCents);
  // a wrong format shows while typing; a limit once the driver leaves the field or continues
  const shownProblem = checked || ("error" in parsed && text.trim() !== "") ? problem : null;
  const ready =
    "cents" in parsed && !problem
      ? {
          cents: parsed.cents,
          feeCents: feeFor(parsed.cents, method, limits.instantFeeBps),
          instantFeeCents: feeFor(parsed.cents, "INSTANT", limits.instantFeeBps),
        }
      : null;

  return {
    text,
    method,
    problem: shownProblem ?? undefined,
    ready,
    setText: setTyped,
    setMethod,
    /** Show limit problems from now on (the driver left the field or pressed Continue). */
    check: () => setChecked(true),
    reset: () => {
      setTyped(null);
      setMethod("STANDARD");
      setChecked(false);
    },
  };
}
