"use client";

import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { createEnergyEventAction } from "@/lib/actions/admin/create-energy-event";
import { fieldError, formError, useFocusFirstInvalid, useKeptValues } from "@/components/auth/action-state";
import { Field, FormAlert, Select, SubmitButton, TextAreaField, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

const KEPT = ["name", "description", "date", "startTime", "endTime", "amount", "minKwh", "budgetNova"] as const;

/** Admin: a new energy event. Times are the business time zone's; the server validates everything (zod). */
export function EventForm({ zone, defaultDate }: { zone: string; defaultDate: string }) {
  const [state, formAction, pending] = useActionState(createEnergyEventAction, null);
  const { values, onSubmit } = useKeptValues(KEPT);
  const [kind, setKind] = useState<"CHARGE" | "PAUSE">("CHARGE");
  const [bonus, setBonus] = useState<"per_kwh" | "fixed">("per_kwh");
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  const err = (f: string) => fieldError(state, f);
  const v = (f: (typeof KEPT)[number], d = "") => values[f] ?? d;
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {state?.ok ? (
        <Notice tone="success">
          Created{" "}
          <Link href={`/admin/events/${state.data.id}`} className="font-medium underline underline-offset-4">
            {state.data.name}
          </Link>
          . Drivers are being told (in the app, and by email where they asked for it).
        </Notice>
      ) : (
        <FormAlert message={formError(state)} />
      )}
      <TextField name="name" label="Name" defaultValue={v("name")} error={err("name")} maxLength={60} required />
      <Field label="What drivers do" error={err("kind")}>
        {(wiring) => (
          <Select
            {...wiring}
            name="kind"
            controlSize="md"
            className="mt-1"
            value={kind}
            onChange={(e) => {
              const next = e.target.value as "CHARGE" | "PAUSE";
              setKind(next);
              if (next === "PAUSE") setBonus("fixed");
            }}
          >
            <option value="CHARGE">Charge in the window</option>
            <option value="PAUSE">Pause charging in the window</option>
          </Select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="date"
          type="date"
          label="Day it starts"
          defaultValue={v("date", defaultDate)}
          error={err("date")}
        />
        <TextField
          name="startTime"
          type="time"
          label="From"
          defaultValue={v("startTime", kind === "CHARGE" ? "01:00" : "17:00")}
          error={err("startTime")}
          key={`s-${kind}`}
        />
        <TextField
          name="endTime"
          type="time"
          label="Until"
          defaultValue={v("endTime", kind === "CHARGE" ? "05:00" : "19:00")}
          error={err("endTime")}
          key={`e-${kind}`}
          hint={`${zone} time; an end before the start is the next day.`}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Bonus" error={err("bonus")}>
          {(wiring) => (
            <Select
              {...wiring}
              name="bonus"
              controlSize="md"
              className="mt-1"
              value={bonus}
              onChange={(e) => setBonus(e.target.value as "per_kwh" | "fixed")}
            >
              <option value="per_kwh" disabled={kind === "PAUSE"}>
                Nova per kWh
              </option>
              <option value="fixed">Fixed Nova</option>
            </Select>
          )}
        </Field>
        <TextField
          name="amount"
          label={bonus === "fixed" ? "Nova" : "Nova per kWh"}
          inputMode="numeric"
          defaultValue={v("amount", bonus === "fixed" ? "300" : "10")}
          error={err("amount")}
          key={`a-${bonus}`}
        />
        <TextField
          name="minKwh"
          label="Least kWh that counts"
          inputMode="decimal"
          defaultValue={v("minKwh", "1")}
          error={err("minKwh")}
          disabled={kind === "PAUSE"}
        />
      </div>
      <TextField
        name="budgetNova"
        label="Budget (Nova, optional)"
        inputMode="numeric"
        defaultValue={v("budgetNova")}
        error={err("budgetNova")}
        hint="Paid first come, first served; when it runs out, later results earn nothing."
      />
      <TextAreaField
        name="description"
        label="Note for drivers (optional)"
        rows={2}
        defaultValue={v("description")}
        error={err("description")}
        maxLength={300}
      />
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create and announce
      </SubmitButton>
    </form>
  );
}
