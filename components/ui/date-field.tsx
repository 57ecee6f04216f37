// A labelled date input for plain GET forms (report and dashboard ranges). Server-safe: the look of
// controlVariants, which lives in a client module, is repeated here as plain classes.
export const PLAIN_CONTROL =
  "block h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-sm focus:border-brand-600 sm:text-sm";

type Props = { id: string; name: string; label: string; value: string; max: string };

export function DateField({ id, name, label, value, max }: Props) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input id={id} type="date" name={name} defaultValue={value} max={max} className={PLAIN_CONTROL} />
    </div>
  );
}
