// Stripe's list envelope and cursor pagination: newest first, `limit` 1..100 (default 10),
// `starting_after` / `ending_before` by id, `created` as a number or a range hash.
import { invalidRequest, resourceMissing } from "./errors";
import { optionalString, type Params } from "./params";

export type ListPage<T> = { object: "list"; data: T[]; has_more: boolean; url: string };

const RANGE_TESTS = {
  gt: (a: number, b: number) => a > b,
  gte: (a: number, b: number) => a >= b,
  lt: (a: number, b: number) => a < b,
  lte: (a: number, b: number) => a <= b,
};

function createdFilter(params: Params): (created: number) => boolean {
  const raw = params.created;
  if (raw === undefined || raw === "") return () => true;
  const bounds: Array<[keyof typeof RANGE_TESTS, string]> =
    typeof raw === "string"
      ? [
          ["gte", raw],
          ["lte", raw],
        ]
      : Object.entries(raw as object).map(([op, value]) => [op as keyof typeof RANGE_TESTS, String(value)]);
  const tests = bounds.map(([op, value]) => {
    if (!(op in RANGE_TESTS) || !/^\d+$/.test(value))
      throw invalidRequest(`Invalid created filter: ${op}=${value}.`, { param: `created[${op}]` });
    return (created: number) => RANGE_TESTS[op](created, Number(value));
  });
  return (created) => tests.every((test) => test(created));
}

function limitOf(params: Params): number {
  const raw = optionalString(params, "limit");
  if (raw === undefined) return 10;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw invalidRequest("Invalid limit: must be an integer between 1 and 100.", { param: "limit" });
  return limit;
}

/** `items` in creation order (oldest first), already narrowed by the caller's own filters. */
export function listPage<T extends { id: string; created: number }>(
  items: T[],
  params: Params,
  url: string,
  kind: string,
): ListPage<T> {
  const inRange = createdFilter(params);
  const newestFirst = items.filter((item) => inRange(item.created)).reverse();
  const limit = limitOf(params);
  const after = optionalString(params, "starting_after");
  const before = optionalString(params, "ending_before");
  const indexOf = (id: string, param: string) => {
    const index = newestFirst.findIndex((item) => item.id === id);
    if (index < 0) throw resourceMissing(kind, id, param);
    return index;
  };
  if (before !== undefined) {
    const end = indexOf(before, "ending_before");
    const start = Math.max(0, end - limit);
    return { object: "list", data: newestFirst.slice(start, end), has_more: start > 0, url };
  }
  const start = after === undefined ? 0 : indexOf(after, "starting_after") + 1;
  const data = newestFirst.slice(start, start + limit);
  return { object: "list", data, has_more: start + limit < newestFirst.length, url };
}
