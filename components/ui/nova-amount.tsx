import { cn } from "./cn";
import { formatCount } from "./format";

type NovaAmountProps = { amount: number; compact?: boolean; className?: string; starClassName?: string };

/**
 * A Nova amount: "✦ 1,250 Nova", or "✦ 1,250" when compact. The star is decorative; screen
 * readers hear "1,250 Nova" either way.
 */
export function NovaAmount({ amount, compact = false, className, starClassName = "text-brand-600" }: NovaAmountProps) {
  return (
    <span className={cn("whitespace-nowrap tabular-nums", className)}>
      <span aria-hidden="true" className={starClassName}>
        ✦{" "}
      </span>
      {formatCount(amount)}
      {compact ? <span className="sr-only"> Nova</span> : " Nova"}
    </span>
  );
}
