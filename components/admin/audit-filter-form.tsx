"use client";

import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-controls";

type AuditFilterValues = Partial<Record<"actor" | "targetType" | "targetId" | "action" | "from" | "to", string>>;

/** A GET form: the filter lives in the address; the CSV link exports exactly what is filtered. */
export function AuditFilterForm({ filter, exportHref }: { filter: AuditFilterValues; exportHref: string }) {
  const filtered = Object.values(filter).some(Boolean);
  const field = (name: keyof AuditFilterValues, label: string, placeholder?: string, type = "search") => (
    <TextField
      name={name}
      label={label}
      type={type}
      defaultValue={filter[name] ?? ""}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      className="h-10"
    />
  );
  return (
    <form
      role="search"
      aria-label="Search the audit log"
      method="get"
      action="/admin/audit"
      className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end"
    >
      {field("actor", "Actor", "Email or user id")}
      {field("action", "Action", "e.g. merchant.suspend or merchant.")}
      {field("targetType", "Target type", "merchant, user, flag…")}
      {field("targetId", "Target id")}
      {field("from", "From (UTC)", undefined, "date")}
      {field("to", "To (UTC)", undefined, "date")}
      <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-3">
        <Button type="submit">Search</Button>
        <ButtonLink href={exportHref} variant="secondary" prefetch={false} download>
          Download CSV
        </ButtonLink>
        {filtered ? (
          <Link
            href="/admin/audit"
            className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
