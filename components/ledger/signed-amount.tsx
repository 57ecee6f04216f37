import { cn } from "@/components/ui/cn";
import { formatCount, formatUsd } from "@/components/ui/format";

type SignedAmountProps = {
  /** Nova points, or cents for USD. */
  amount: number;
  currency: "NOVA" | "USD";
  className?: string;
};

/** "+✦ 1,000" in green or "−✦ 650" in slate (a real minus sign, read as "minus"). */
export function SignedAmount({ amount, currency, className }: SignedAmountProps) {
  const sign = amount > 0 ? "+" : amount < 0 ? "−" : "";
  const magnitude = Math.abs(amount);
  return (
    <span
      className={cn(
        "font-medium whitespace-nowrap tabular-nums",
        amount > 0 ? "text-brand-700" : "text-slate-900",
        className,
      )}
    >
      {sign}
      {currency === "NOVA" ? (
        <>
          <span aria-hidden="true">✦ </span>
          {formatCount(magnitude)}
          <span className="sr-only"> Nova</span>
        </>
      ) : (
        formatUsd(magnitude)
      )}
    </span>
  );
}
