import { addDays } from "@/lib/reports";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DateField, PLAIN_CONTROL } from "@/components/ui/date-field";

type Props = {
  from: string;
  to: string;
  today: string;
  locationId?: string;
  locations: { id: string; name: string }[];
};

const PRESETS = [7, 30, 90];

/** The report's range: a plain GET form (works without JavaScript) and one-tap presets. */
export function ReportRangeForm({ from, to, today, locationId, locations }: Props) {
  const href = (days: number) => {
    const q = new URLSearchParams({ from: addDays(today, -(days - 1)), to: today });
    if (locationId) q.set("locationId", locationId);
    return `?${q}`;
  };
  return (
    <div className="mb-6 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
      <nav aria-label="Quick ranges" className="mb-3 flex flex-wrap gap-2">
        {PRESETS.map((days) => {
          const current = to === today && from === addDays(today, -(days - 1));
          return (
            <a
              key={days}
              href={href(days)}
              aria-current={current ? "page" : undefined}
              className={cn(buttonVariants({ variant: current ? "primary" : "secondary", size: "sm" }), "min-w-24")}
            >
              Last {days} days
            </a>
          );
        })}
      </nav>
      <form method="get" className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap">
        <DateField id="report-from" name="from" label="From" value={from} max={today} />
        <DateField id="report-to" name="to" label="To" value={to} max={today} />
        {locations.length > 1 ? (
          <div className="col-span-2 sm:min-w-48">
            <label htmlFor="report-location" className="block text-sm font-medium text-slate-800">
              Location
            </label>
            <select id="report-location" name="locationId" defaultValue={locationId ?? ""} className={PLAIN_CONTROL}>
              <option value="">All locations</option>
              {locations.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className={cn(buttonVariants({ variant: "primary" }), "col-span-2 h-11")}>
          Show report
        </button>
      </form>
    </div>
  );
}
