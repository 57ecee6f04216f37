export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One value of a query parameter (the first, when it is repeated). */
export function param(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === "" ? undefined : v;
}
