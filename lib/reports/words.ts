const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** Program sales per dollar of reward and fee cost; null when nothing was spent. */
export const returnOnSpend = (salesCents: number, costCents: number): number | null =>
  costCents > 0 ? salesCents / costCents : null;

/** The return on spend in a sentence a shop owner reads at a glance. */
export function returnOnSpendWords(salesCents: number, costCents: number): string {
  const ratio = returnOnSpend(salesCents, costCents);
  if (ratio === null)
    return salesCents > 0
      ? `Program drivers spent ${usd.format(salesCents / 100)} and rewards cost you nothing in this range.`
      : "Nothing was spent on purchase rewards in this range.";
  return `Every $1 spent brought ${usd.format(ratio)} in sales.`;
}

/** "8.40×", or "—" when nothing was spent. */
export const formatReturn = (ratio: number | null): string => (ratio === null ? "—" : `${ratio.toFixed(2)}×`);
