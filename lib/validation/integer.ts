import { z } from "zod";

const DECIMAL_DIGITS = /^[0-9]+$/;

type WholeNumberOptions = {
  min?: number;
  max?: number;
  /** Shown for anything that is not a whole number (the field's words, e.g. "Whole Nova only."). */
  message?: string;
  tooSmall?: string;
  tooBig?: string;
};

/**
 * A whole number read from input (an amount, a count, a limit, cents, Nova, a page size): a JSON
 * integer, or a string of decimal digits as a form field sends it. Nothing else — not `[5]`,
 * `true`, `"0x10"`, `"1e3"`, `"5.0"`, `5.5`, `" 5"`, `""`, `"+5"` or `null`, which
 * `z.coerce.number()` turns into numbers.
 */
export function wholeNumber({
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
  message = "Enter a whole number.",
  tooSmall = `Enter at least ${min.toLocaleString("en-US")}.`,
  tooBig = `Enter at most ${max.toLocaleString("en-US")}.`,
}: WholeNumberOptions = {}) {
  return z
    .custom<number | string>(
      (v) => (typeof v === "number" && Number.isInteger(v)) || (typeof v === "string" && DECIMAL_DIGITS.test(v)),
      message,
    )
    .transform((v) => Number(v) || 0) // "007" is 7; -0 is 0
    .pipe(z.number().min(min, tooSmall).max(max, tooBig));
}
