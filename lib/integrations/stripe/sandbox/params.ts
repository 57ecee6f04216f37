// Reading the form parameters Stripe clients send (qs-parsed: nested objects, every leaf a string).
import { invalidRequest, parameterMissing } from "./errors";

export type Params = Record<string, unknown>;

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${name}.`, { param: name });
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined) throw parameterMissing(name);
  return value;
}

export function oneOf<T extends string>(params: Params, name: string, allowed: readonly T[], fallback?: T): T {
  const value = fallback === undefined ? requiredString(params, name) : (optionalString(params, name) ?? fallback);
  if (!allowed.includes(value as T))
    throw invalidRequest(`Invalid ${name}: must be one of ${allowed.join(", ")}`, { param: name });
  return value as T;
}

/** A positive integer amount in cents; `fallback` when absent (undefined = required). */
export function amountParam(params: Params, fallback?: number): number {
  const raw = params.amount;
  if (raw === undefined || raw === "") {
    if (fallback === undefined) throw parameterMissing("amount");
    return fallback;
  }
  if (typeof raw !== "string" || !/^\d+$/.test(raw))
    throw invalidRequest(`Invalid integer: ${String(raw)}`, { code: "parameter_invalid_integer", param: "amount" });
  const amount = Number(raw);
  if (amount < 1 || !Number.isSafeInteger(amount))
    throw invalidRequest("This value must be greater than or equal to 1.", {
      code: "parameter_invalid_integer",
      param: "amount",
    });
  return amount;
}

/** The sandbox moves US dollars only, as a US platform paying US drivers does. */
export function currencyParam(params: Params): "usd" {
  const currency = requiredString(params, "currency").toLowerCase();
  if (currency !== "usd")
    throw invalidRequest(`The Stripe sandbox moves usd only, not ${currency}.`, { param: "currency" });
  return "usd";
}

export function metadataParam(params: Params): Record<string, string> {
  const raw = params.metadata;
  if (raw === undefined || raw === "") return {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw invalidRequest("Invalid metadata: must be a hash of strings.", { param: "metadata" });
  const entries = Object.entries(raw).filter(([, v]) => v !== "");
  for (const [key, value] of entries)
    if (typeof value !== "string") throw invalidRequest("Invalid metadata value.", { param: `metadata[${key}]` });
  return Object.fromEntries(entries) as Record<string, string>;
}

export function objectParam(params: Params, name: string): Record<string, unknown> | undefined {
  const raw = params[name];
  if (raw === undefined || raw === "") return undefined;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw invalidRequest(`Invalid ${name}: must be a hash.`, { param: name });
  return raw as Record<string, unknown>;
}
