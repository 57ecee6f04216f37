import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DateField } from "@/components/ui/date-field";

type Props = { from: string; to: string; today: string; preset: number | null; presets: readonly number[] };

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
        <DateField id="dashboard-from" name="from" label="From" value={from} max={today} />
        <DateField id="dashboard-to" name="to" label="To" value={to} max={today} />
        <button type="submit" className={cn(buttonVariants({ variant: "primary" }), "col-span-2 h-11")}>
          Show range
        </button>
      </form>
    </div>
  );
}
