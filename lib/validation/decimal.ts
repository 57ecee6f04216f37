import { z } from "zod";

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * A measurement read from input (a coordinate, an accuracy in metres): a finite JSON number, or
 * a plain decimal string. Not `[5]`, `true`, `"0x10"`, `"1e3"`, `" 5"`, `""` or `null`.
 */
export function decimalNumber({
  min,
  max,
  message = "Enter a number.",
}: {
  min: number;
  max: number;
  message?: string;
}) {
  return z
    .custom<number | string>(
      (v) => (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && DECIMAL.test(v)),
      message,
    )
    .transform((v) => Number(v))
    .pipe(z.number().min(min, `Enter at least ${min}.`).max(max, `Enter at most ${max}.`));
}
