const long = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "2025-11-30", or in words "30 Nov 2025" (UTC days, as the expiry counts them). */
export const expiryDay = (d: Date, style: "iso" | "words" = "iso") =>
  style === "words" ? long.format(d) : d.toISOString().slice(0, 10);

/** "120 Nova" */
export const novaWords = (amount: bigint | number) => `${Number(amount).toLocaleString("en-US")} Nova`;
