// Formatting shared by every surface. Dates are shown in UTC so server-rendered pages read the
// same wherever the server runs; date-times say so.

const integer = new Intl.NumberFormat("en-US");
const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

export const formatCount = (n: number) => integer.format(n);

/** "✦ 1,250 Nova" */
export const formatNova = (amount: number) => `✦ ${integer.format(amount)} Nova`;

/** Cents to "$12.50". */
export const formatUsd = (cents: number) => usd.format(cents / 100);

export const formatDate = (d: Date) => date.format(d);

export const formatDateTime = (d: Date) => dateTime.format(d);
