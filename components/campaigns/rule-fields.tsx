"use client";

import { Field, Select, TextField } from "@/components/ui/form-controls";
import { CHARGING, onValue, PLACED, type SectionProps } from "./form-state";

/** Where and for whom it counts; fields a trigger cannot use are not shown (nor sent). */
export function ConditionFields({ values, set, err, trigger, admin }: SectionProps & { admin: boolean }) {
  const placed = PLACED.has(trigger);
  const charging = CHARGING.has(trigger);
  return (
    <fieldset className="space-y-5">
      <legend className="text-base font-semibold text-slate-900">Where and who</legend>
      {charging && admin ? (
        <TextField
          name="chargerIds"
          label="Only at these chargers (optional)"
          value={values.chargerIds}
          onChange={onValue(set, "chargerIds")}
          hint="Charger ids, separated by commas. Empty: every charger."
          error={err("chargerIds")}
        />
      ) : null}
      {placed && admin ? (
        <TextField
          name="area"
          label="Only within an area (optional)"
          value={values.area}
          onChange={onValue(set, "area")}
          placeholder="30.2672, -97.7431, 5000"
          hint="Latitude, longitude and a radius in metres (50 to 50,000)."
          error={err("area")}
        />
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        {placed && admin ? (
          <label className="flex items-center gap-2 self-end text-sm font-medium text-slate-800 sm:h-11">
            <input
              type="checkbox"
              name="partnerOnly"
              checked={values.partnerOnly === "on"}
              onChange={(e) => set("partnerOnly", e.target.checked ? "on" : "")}
              className="size-4 accent-brand-700"
            />
            Only at partner chargers and shops
          </label>
        ) : null}
        {charging ? (
          <TextField
            name="minKwh"
            label="Minimum energy, kWh (optional)"
            inputMode="decimal"
            value={values.minKwh}
            onChange={onValue(set, "minKwh")}
            error={err("minKwh")}
          />
        ) : null}
        <Field label="Drivers" error={err("segment")}>
          {(wiring) => (
            <Select
              {...wiring}
              name="segment"
              controlSize="md"
              className="mt-1"
              value={values.segment}
              onChange={onValue(set, "segment")}
            >
              <option value="any">Every driver</option>
              <option value="new">New drivers (signed up recently)</option>
              <option value="lapsed">Lapsed drivers (no charge recently)</option>
            </Select>
          )}
        </Field>
        {values.segment === "new" || values.segment === "lapsed" ? (
          <TextField
            name="segmentDays"
            label="“Recently” means within (days)"
            inputMode="numeric"
            value={values.segmentDays}
            onChange={onValue(set, "segmentDays")}
            error={err("segmentDays")}
          />
        ) : null}
      </div>
    </fieldset>
  );
}

const LIMITS = [
  ["perDriver", "Per driver, in all", "How many times one driver can earn it."],
  ["perDriverPerDay", "Per driver, per day", "On the campaign's clock."],
  ["budgetNova", "Nova budget", "The campaign stops paying Nova once spent."],
  ["budgetDollars", "Cash budget ($)", "The campaign stops paying cash once spent."],
] as const;

/** How much it may pay; every limit is optional. */
export function LimitFields({ values, set, err }: SectionProps) {
  return (
    <fieldset className="space-y-5">
      <legend className="text-base font-semibold text-slate-900">Limits</legend>
      <div className="grid gap-5 sm:grid-cols-2">
        {LIMITS.map(([field, label, hint]) => (
          <TextField
            key={field}
            name={field}
            label={`${label} (optional)`}
            inputMode={field === "budgetDollars" ? "decimal" : "numeric"}
            value={values[field]}
            onChange={onValue(set, field)}
            hint={hint}
            error={err(field)}
          />
        ))}
      </div>
    </fieldset>
  );
}
