"use client";

import Link from "next/link";
import type { PayoutFilter } from "@/lib/payouts";
import { Button } from "@/components/ui/button";
import { Field, Select, TextField } from "@/components/ui/form-controls";
import { payoutStateLabel } from "@/components/ui/payout-state-badge";

const STATES = ["REQUESTED", "TRANSFER_SUBMITTED", "TRANSFERRED", "PAYOUT_SUBMITTED", "PAID", "FAILED", "RETURNED"];

/** A GET form: the filter lives in the address, so a filtered list can be shared and reloaded. */
export function PayoutFilterForm({ filter }: { filter: PayoutFilter }) {
  const filtered = Object.values(filter).some(Boolean);
  return (
    <form
      role="search"
      aria-label="Filter payouts"
      method="get"
      action="/admin/payouts"
      className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-[12rem_1fr_10rem_10rem_auto] lg:items-end"
    >
      <Field label="State">
        {(wiring) => (
          <Select {...wiring} name="state" defaultValue={filter.state ?? ""} controlSize="md" className="mt-1 h-10">
            <option value="">Any state</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {payoutStateLabel(s)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <TextField
        name="driver"
        label="Driver"
        type="search"
        defaultValue={filter.driver ?? ""}
        placeholder="Email, name or user id"
        autoComplete="off"
        spellCheck={false}
        className="h-10"
      />
      <TextField name="from" label="From" type="date" defaultValue={filter.from ?? ""} className="h-10" />
      <TextField name="to" label="To" type="date" defaultValue={filter.to ?? ""} className="h-10" />
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit">Filter</Button>
        {filtered ? (
          <Link
            href="/admin/payouts"
            className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
