import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type Props = { from: string; to: string; today: string; preset: number | null; presets: readonly number[] };

// The look of components/ui controlVariants (a client module, so not callable from this server component).
const CONTROL =
  "block h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm focus:border-brand-600 sm:text-sm";

/** The dashboard's range: one-tap presets and a plain GET form for any from/to (works without JavaScript). */
export function DashboardRangeForm({ from, to, today, preset, presets }: Props) {
  return (
    <div className="mb-6 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <nav aria-label="Quick ranges" className="mb-3 flex flex-wrap gap-2">
        {presets.map((days) => (
          <a
            key={days}
            href={`?days=${days}`}
            aria-current={preset === days ? "page" : undefined}
            className={cn(
              buttonVariants({ variant: preset === days ? "primary" : "secondary", size: "sm" }),
              "min-w-24",
            )}
          >
            Last {days} days
          </a>
        ))}
      </nav>
      <form method="get" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
        <DateField name="from" label="From" value={from} max={today} />
        <DateField name="to" label="To" value={to} max={today} />
        <button type="submit" className={cn(buttonVariants({ variant: "primary" }), "col-span-2 h-11")}>
          Show range
        </button>
      </form>
    </div>
  );
}

function DateField({ name, label, value, max }: { name: string; label: string; value: string; max: string }) {
  const id = `dashboard-${name}`;
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={id} type="date" name={name} defaultValue={value} max={max} className={CONTROL} />
    </div>
  );
}
