import { HourglassIcon } from "lucide-react";
import { Notice } from "@/components/ui/notice";
import { NovaAmount } from "@/components/ui/nova-amount";

// "14 Jan 2027", in UTC days like the expiry itself (and its email and statement line)
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

type NovaExpiryNoticeProps = { expiry: { expiresOn: Date; amount: number } | null };

/** The wallet's line about the driver's next expiring Nova ("✦ 120 Nova expiring on 14 Jan 2027"); nothing when none expire. */
export function NovaExpiryNotice({ expiry }: NovaExpiryNoticeProps) {
  if (!expiry) return null;
  const on = day.format(expiry.expiresOn);
  return (
    <Notice tone="warning" role="note" icon={<HourglassIcon className="size-4" />} className="mt-4">
      <p data-testid="nova-expiry" className="font-medium">
        <NovaAmount amount={expiry.amount} starClassName="text-amber-600" /> expiring on{" "}
        <time dateTime={expiry.expiresOn.toISOString().slice(0, 10)}>{on}</time>
      </p>
      <p className="mt-0.5">
        The oldest Nova you earned and have not spent. A verified charging session or a redeemed offer before then keeps
        all your Nova.
      </p>
    </Notice>
  );
}
