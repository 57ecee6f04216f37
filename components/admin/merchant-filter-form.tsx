"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Select, TextField } from "@/components/ui/form-controls";

const STATUSES = [
  ["PENDING", "Waiting for review"],
  ["ACTIVE", "Active"],
  ["SUSPENDED", "Suspended"],
  ["REJECTED", "Rejected"],
] as const;

/** A GET form: search by name or email and filter by status; the filter lives in the address. */
export function MerchantFilterForm({ q, status }: { q?: string; status?: string }) {
  return (
    <form
      role="search"
      aria-label="Search merchants"
      method="get"
      action="/admin/merchants"
      className="mb-6 grid gap-3 sm:grid-cols-[1fr_14rem_auto] sm:items-end"
    >
      <TextField
        name="q"
        label="Name or email"
        type="search"
        defaultValue={q ?? ""}
        autoComplete="off"
        spellCheck={false}
        className="h-10"
      />
      <Field label="Status">
        {(wiring) => (
          <Select {...wiring} name="status" defaultValue={status ?? ""} controlSize="md" className="mt-1 h-10">
            <option value="">Any status</option>
            {STATUSES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit">Search</Button>
        {q || status ? (
          <Link
            href="/admin/merchants"
            className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
