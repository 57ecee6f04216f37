import { CarIcon, CircleCheckIcon, MapPinIcon } from "lucide-react";

type Witness = { ok: boolean; reason: string };

/** The two witnesses, each with what it has confirmed so far. */
export function WitnessList({ car, phone }: { car: Witness; phone: Witness }) {
  const rows = [
    { label: "Your car", icon: CarIcon, witness: car },
    { label: "Your phone", icon: MapPinIcon, witness: phone },
  ];
  return (
    <ul aria-label="Confirmations" className="divide-y divide-slate-100 rounded-xl border border-slate-200">
      {rows.map(({ label, icon: Icon, witness }) => (
        <li key={label} className="flex items-start gap-3 px-3 py-2.5 text-sm">
          <span
            className={`mt-0.5 grid size-7 shrink-0 place-items-center rounded-full ${witness.ok ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-500"}`}
            aria-hidden="true"
          >
            {witness.ok ? <CircleCheckIcon className="size-4" /> : <Icon className="size-4" />}
          </span>
          <span className="min-w-0">
            <span className="block font-medium text-slate-900">
              {label}
              <span className={`ml-2 text-xs font-medium ${witness.ok ? "text-brand-700" : "text-slate-500"}`}>
                {witness.ok ? "Confirmed" : "Not yet"}
              </span>
            </span>
            <span className="block text-slate-600">{witness.reason}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
