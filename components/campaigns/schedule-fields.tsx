"use client";

import { Field, FieldError, Select, TextField } from "@/components/ui/form-controls";
import { StartEndFields } from "@/components/ui/start-end-fields";
import { onValue, type SectionProps } from "./form-state";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "UTC",
];

/** When the campaign counts: weekdays, hours on a zone's clock, and its first and last moment. */
export function ScheduleFields({ values, set, err, businessZone }: SectionProps & { businessZone: string }) {
  const days = new Set(values.days.split(",").filter(Boolean).map(Number));
  const toggle = (d: number) => {
    const next = new Set(days);
    if (next.has(d)) next.delete(d);
    else next.add(d);
    set("days", [...next].sort().join(","));
  };
  const zones = values.timeZone && !ZONES.includes(values.timeZone) ? [values.timeZone, ...ZONES] : ZONES;
  return (
    <fieldset className="space-y-5">
      <legend className="text-base font-semibold text-slate-900">When</legend>
      <input type="hidden" name="days" value={values.days} />
      <input type="hidden" name="startsAt" value={values.startsAt} />
      <input type="hidden" name="endsAt" value={values.endsAt} />
      <div role="group" aria-labelledby="campaign-days-label" aria-describedby="campaign-days-hint">
        <p id="campaign-days-label" className="text-sm font-medium text-slate-800">
          Days
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {DAYS.map((name, d) => (
            <label
              key={name}
              className="flex h-9 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
            >
              <input type="checkbox" checked={days.has(d)} onChange={() => toggle(d)} className="accent-brand-700" />
              {name}
            </label>
          ))}
        </div>
        {err("days") ? <FieldError>{err("days")}</FieldError> : null}
        <p id="campaign-days-hint" className="mt-1 text-xs text-slate-500">
          Leave all checked (or none) for every day.
        </p>
      </div>
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          name="hoursStart"
          label="From (time)"
          type="time"
          value={values.hoursStart}
          onChange={onValue(set, "hoursStart")}
          error={err("hoursStart")}
        />
        <TextField
          name="hoursEnd"
          label="Until (time)"
          type="time"
          value={values.hoursEnd}
          onChange={onValue(set, "hoursEnd")}
          error={err("hoursEnd")}
          hint="Both empty: any time. 23:00–05:00 runs past midnight."
        />
        <Field label="Time zone" error={err("timeZone")} hint="Days and hours are read on this clock.">
          {(wiring) => (
            <Select
              {...wiring}
              name="timeZone"
              controlSize="md"
              className="mt-1"
              value={values.timeZone}
              onChange={onValue(set, "timeZone")}
            >
              <option value="">{businessZone} (business time)</option>
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <StartEndFields startsAt={values.startsAt} endsAt={values.endsAt} onChange={set} err={err} />
    </fieldset>
  );
}
