"use client";

import Link from "next/link";
import { startTransition, useRef, useState, type FormEvent } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { createEnergyEventAction } from "@/lib/actions/admin/create-energy-event";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { Field, FormAlert, Select, SubmitButton, TextAreaField, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { useStateChange } from "@/components/ui/use-state-change";

type Kind = "CHARGE" | "PAUSE";
type Bonus = "per_kwh" | "fixed";
/** What each kind usually looks like: a night to charge in, an evening peak to pause through. */
const PRESET: Record<Kind, { start: string; end: string; bonus: Bonus; amount: string }> = {
  CHARGE: { start: "01:00", end: "05:00", bonus: "per_kwh", amount: "10" },
  PAUSE: { start: "17:00", end: "19:00", bonus: "fixed", amount: "300" },
};

/** Admin: a new energy event. Times are the business time zone's; the server validates everything (zod). */
export function EventForm({ zone, defaultDate }: { zone: string; defaultDate: string }) {
  const [state, formAction, pending] = useFormAction(createEnergyEventAction, null);
  const [kind, setKind] = useState<Kind>("CHARGE");
  const [terms, setTerms] = useState(PRESET.CHARGE);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  useStateChange(state, (next) => {
    if (!next?.ok) return;
    setKind("CHARGE");
    setTerms(PRESET.CHARGE);
  });
  const choose = (next: Kind) => {
    setKind(next);
    setTerms(PRESET[next]);
  };
  const set = (field: keyof typeof terms) => (e: { target: { value: string } }) =>
    setTerms((t) => ({ ...t, [field]: e.target.value }));
  // submitted by hand so a refused attempt keeps every field as typed (React resets a form after its action)
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };
  const err = (f: string) => fieldError(state, f);
  const done = state?.ok ? state.data : null;
  return (
    <form ref={form} key={done?.id} onSubmit={submit} className="space-y-4" noValidate>
      {done ? (
        <Notice tone="success">
          Created{" "}
          <Link href={`/admin/events/${done.id}`} className="font-medium underline underline-offset-4">
            {done.name}
          </Link>
          . Drivers are being told (in the app, and by email where they asked for it).
        </Notice>
      ) : (
        <FormAlert message={formError(state)} />
      )}
      <TextField name="name" label="Name" error={err("name")} maxLength={60} required />
      <Field label="What drivers do" error={err("kind")}>
        {(wiring) => (
          <Select
            {...wiring}
            name="kind"
            controlSize="md"
            className="mt-1"
            value={kind}
            onChange={(e) => choose(e.target.value as Kind)}
          >
            <option value="CHARGE">Charge in the window</option>
            <option value="PAUSE">Pause charging in the window</option>
          </Select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="date" type="date" label="Day it starts" defaultValue={defaultDate} error={err("date")} />
        <TextField
          name="startTime"
          type="time"
          label="From"
          value={terms.start}
          onChange={set("start")}
          error={err("startTime")}
        />
        <TextField
          name="endTime"
          type="time"
          label="Until"
          value={terms.end}
          onChange={set("end")}
          error={err("endTime")}
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
              value={terms.bonus}
              onChange={set("bonus")}
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
          label={terms.bonus === "fixed" ? "Nova" : "Nova per kWh"}
          inputMode="numeric"
          value={terms.amount}
          onChange={set("amount")}
          error={err("amount")}
        />
        <TextField
          name="minKwh"
          label="Least kWh that counts"
          inputMode="decimal"
          defaultValue="1"
          error={err("minKwh")}
          disabled={kind === "PAUSE"}
        />
      </div>
      <TextField
        name="budgetNova"
        label="Budget (Nova, optional)"
        inputMode="numeric"
        error={err("budgetNova")}
        hint="Paid first come, first served; when it runs out, later results earn nothing."
      />
      <TextAreaField
        name="description"
        label="Note for drivers (optional)"
        rows={2}
        error={err("description")}
        maxLength={300}
      />
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create and announce
      </SubmitButton>
    </form>
  );
}
