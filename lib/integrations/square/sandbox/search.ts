// POST /v2/orders/search as Square serves it: 1–10 of the seller's locations, state, time and
// customer filters, a sort that must use the filtered time field, and cursors tied to the query.
import { createHash } from "node:crypto";
import type { Sandbox } from "./context";
import { invalidCursor, invalidValue, missingField } from "./errors";
import { ownLocation } from "./merchants";
import type { Order } from "./objects";

type TimeRange = { start_at?: string; end_at?: string };
export type SearchOrdersBody = {
  location_ids?: string[];
  query?: {
    filter?: {
      state_filter?: { states?: string[] };
      date_time_filter?: { created_at?: TimeRange; updated_at?: TimeRange; closed_at?: TimeRange };
      customer_filter?: { customer_ids?: string[] };
    };
    sort?: { sort_field?: "CREATED_AT" | "UPDATED_AT" | "CLOSED_AT"; sort_order?: "ASC" | "DESC" };
  };
  limit?: number;
  cursor?: string;
  return_entries?: boolean;
};

const TIME_FIELDS = { CREATED_AT: "created_at", UPDATED_AT: "updated_at", CLOSED_AT: "closed_at" } as const;
const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 1000;

/** Paging must resend the identical query, so a cursor remembers which query it belongs to. */
function queryHash(body: SearchOrdersBody): string {
  const { location_ids, query, return_entries } = body;
  return createHash("sha256")
    .update(JSON.stringify({ location_ids, query, return_entries }))
    .digest("base64url")
    .slice(0, 16);
}

function readCursor(body: SearchOrdersBody): number {
  if (!body.cursor) return 0;
  try {
    const { o, h } = JSON.parse(Buffer.from(body.cursor, "base64url").toString()) as { o: number; h: string };
    if (h === queryHash(body) && Number.isSafeInteger(o) && o > 0) return o;
  } catch {
    // Falls through to Square's answer for a cursor it did not make.
  }
  throw invalidCursor();
}

const inRange = (value: string | undefined, range: TimeRange) =>
  value !== undefined &&
  (!range.start_at || Date.parse(value) >= Date.parse(range.start_at)) &&
  (!range.end_at || Date.parse(value) < Date.parse(range.end_at));

export function searchOrders(sandbox: Sandbox, merchantId: string, body: SearchOrdersBody) {
  const locationIds = body.location_ids ?? [];
  if (locationIds.length === 0) throw missingField("location_ids");
  if (locationIds.length > 10) throw invalidValue("At most 10 location_ids may be searched at once.", "location_ids");
  for (const id of locationIds) ownLocation(sandbox, merchantId, id);
  const limit = body.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw invalidValue(`limit must be between 1 and ${MAX_LIMIT}.`, "limit");
  const filter = body.query?.filter ?? {};
  const sortField = body.query?.sort?.sort_field ?? "CREATED_AT";
  const timeField = TIME_FIELDS[sortField];
  if (!timeField) throw invalidValue(`Unknown sort_field ${sortField}.`, "query.sort.sort_field");
  const filtered = Object.keys(filter.date_time_filter ?? {});
  if (filtered.length > 1 || (filtered.length === 1 && filtered[0] !== timeField))
    throw invalidValue(
      "The date_time_filter field must be the sort_field (e.g. closed_at with CLOSED_AT).",
      "query.sort.sort_field",
    );
  const range = filter.date_time_filter?.[timeField];
  const states = filter.state_filter?.states;
  const customers = filter.customer_filter?.customer_ids;
  const direction = body.query?.sort?.sort_order === "ASC" ? 1 : -1;

  const matching = Object.values(sandbox.state.orders)
    .filter(
      (o: Order) =>
        locationIds.includes(o.location_id) &&
        (!states || states.includes(o.state)) &&
        (!customers || (o.customer_id !== undefined && customers.includes(o.customer_id))) &&
        (!range || inRange(o[timeField], range)) &&
        // Sorting by closed_at leaves out orders that never closed.
        (timeField !== "closed_at" || o.closed_at !== undefined),
    )
    .sort(
      (a, b) => direction * (Date.parse(a[timeField] ?? "") - Date.parse(b[timeField] ?? "") || (a.id < b.id ? -1 : 1)),
    );

  const offset = readCursor(body);
  const page = matching.slice(offset, offset + limit);
  const next = offset + limit < matching.length ? offset + limit : undefined;
  const cursor =
    next !== undefined ? Buffer.from(JSON.stringify({ o: next, h: queryHash(body) })).toString("base64url") : undefined;
  const results = body.return_entries
    ? { order_entries: page.map((o) => ({ order_id: o.id, version: o.version, location_id: o.location_id })) }
    : { orders: page };
  return { ...results, ...(cursor && { cursor }) };
}
