"use client";

import { useSyncExternalStore } from "react";
import { TextField } from "./form-controls";

// datetime-local speaks the browser's local time; the forms post ISO instants
const pad = (n: number) => String(n).padStart(2, "0");
function isoToLocal(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const localToIso = (local: string) => (local ? new Date(local).toISOString() : "");
const noSubscribe = () => () => {};

type Props = {
  startsAt: string;
  endsAt: string;
  onChange: (field: "startsAt" | "endsAt", iso: string) => void;
  err: (field: string) => string | undefined;
};

/** A required start and an optional end, typed in the browser's local time, held as ISO instants. */
export function StartEndFields({ startsAt, endsAt, onChange, err }: Props) {
  // local times exist only in the browser: render the fields empty on the server
  const inBrowser = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <TextField
        name="startsAtLocal"
        label="Starts"
        type="datetime-local"
        value={inBrowser ? isoToLocal(startsAt) : ""}
        onChange={(e) => onChange("startsAt", localToIso(e.target.value))}
        hint="Your local time."
        error={err("startsAt")}
        required
      />
      <TextField
        name="endsAtLocal"
        label="Ends (optional)"
        type="datetime-local"
        value={inBrowser ? isoToLocal(endsAt) : ""}
        onChange={(e) => onChange("endsAt", localToIso(e.target.value))}
        hint="Leave empty to run until you end it."
        error={err("endsAt")}
      />
    </div>
  );
}
