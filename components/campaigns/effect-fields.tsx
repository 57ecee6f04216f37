"use client";

import { PlusIcon, XIcon } from "lucide-react";
import type { UnlockableOffer } from "@/lib/campaigns";
import { Button } from "@/components/ui/button";
import { FieldError, Select, TextField } from "@/components/ui/form-controls";
import { CHARGING, type SectionProps } from "./form-state";

const SLOTS = 4;
const KINDS = [
  { kind: "bonus_nova", label: "Bonus Nova", value: "Nova", hint: "A whole number, 1 to 100,000." },
  {
    kind: "multiplier",
    label: "Nova multiplier",
    value: "Factor",
    hint: "1.1 to 10 in tenths: 2 doubles the session’s Nova.",
  },
  { kind: "cash_bonus", label: "Cash bonus", value: "Dollars", hint: "Up to $100.00, e.g. 1.50." },
  { kind: "unlock_offer", label: "Unlock an offer", value: "Offer", hint: "" },
] as const;

type Row = { kind: string; value: string };
const rowsOf = (values: SectionProps["values"]): Row[] =>
  Array.from({ length: SLOTS }, (_, i) => ({
    kind: values[`effect${i}Kind`],
    value: values[`effect${i}Value`],
  })).filter((r) => r.kind);

/** What the campaign gives: one to four effects, each a kind and its amount (or offer). */
export function EffectFields({ values, set, err, trigger, offers }: SectionProps & { offers: UnlockableOffer[] }) {
  const rows = rowsOf(values);
  const write = (next: Row[]) => {
    for (let i = 0; i < SLOTS; i++) {
      set(`effect${i}Kind`, next[i]?.kind ?? "");
      set(`effect${i}Value`, next[i]?.value ?? "");
    }
  };
  const change = (i: number, row: Partial<Row>) => write(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  const kinds = KINDS.filter((k) => k.kind !== "multiplier" || CHARGING.has(trigger));
  return (
    <fieldset className="space-y-4">
      <legend className="text-base font-semibold text-slate-900">Effects</legend>
      {rows.map((row, i) => {
        const kind = KINDS.find((k) => k.kind === row.kind) ?? KINDS[0];
        const error = err(`effect${i}`);
        return (
          <div key={i} className="rounded-xl border border-slate-200 p-3">
            <input type="hidden" name={`effect${i}Kind`} value={row.kind} />
            <div className="flex items-end gap-2">
              <div className="grid min-w-0 flex-1 gap-3 sm:grid-cols-2">
                <label className="block text-sm font-medium text-slate-800">
                  Effect {i + 1}
                  <Select
                    controlSize="md"
                    className="mt-1"
                    value={row.kind}
                    aria-invalid={error ? true : undefined}
                    onChange={(e) => change(i, { kind: e.target.value, value: "" })}
                  >
                    {kinds.map((k) => (
                      <option key={k.kind} value={k.kind}>
                        {k.label}
                      </option>
                    ))}
                  </Select>
                </label>
                {row.kind === "unlock_offer" ? (
                  <label className="block text-sm font-medium text-slate-800">
                    Offer
                    <Select
                      name={`effect${i}Value`}
                      controlSize="md"
                      className="mt-1"
                      value={row.value}
                      onChange={(e) => change(i, { value: e.target.value })}
                    >
                      <option value="">Choose an offer…</option>
                      {offers.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.title} · {o.merchantName}
                        </option>
                      ))}
                    </Select>
                  </label>
                ) : (
                  <TextField
                    name={`effect${i}Value`}
                    label={kind.value}
                    inputMode="decimal"
                    value={row.value}
                    onChange={(e) => change(i, { value: e.target.value })}
                    hint={kind.hint}
                  />
                )}
              </div>
              {rows.length > 1 ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="mb-1.5"
                  onClick={() => write(rows.filter((_, j) => j !== i))}
                >
                  <XIcon className="size-4" aria-hidden="true" />
                  <span className="sr-only">Remove effect {i + 1}</span>
                </Button>
              ) : null}
            </div>
            {error ? <FieldError>{error}</FieldError> : null}
          </div>
        );
      })}
      {err("effects") ? <FieldError>{err("effects")}</FieldError> : null}
      {rows.length < SLOTS ? (
        <Button variant="secondary" size="sm" onClick={() => write([...rows, { kind: "bonus_nova", value: "" }])}>
          <PlusIcon className="size-4" aria-hidden="true" />
          Add an effect
        </Button>
      ) : null}
    </fieldset>
  );
}
