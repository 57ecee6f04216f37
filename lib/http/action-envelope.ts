/**
 * Why this check lives in the proxy: Next 16 decodes a server action's body in
 * next/dist/server/app-render/action-handler.js (React's decodeReply / decodeAction) before any
 * code of ours runs, and turns every decoding failure (bad JSON, a reference to a part that is
 * not there) into a 500 with the stack logged; a body that decodes to the wrong arguments reaches
 * the action as a TypeError. Neither `onRequestError` (it only observes) nor the action (it cannot
 * set the status) can make that a 400, so the proxy looks at the envelope first and answers 400
 * to one that no page of this app can have sent. It checks the shape only and decodes nothing.
 *
 * Every action here is made by `action()` and used through `useActionState`, so a real call is:
 * - with JavaScript (`Next-Action` header): a multipart body whose field "0" is the JSON array
 *   `[prevState, "$K<n>"]`, the previous state, then a reference to the submitted form's fields;
 * - without (progressive enhancement): a multipart form with `$ACTION_REF_<p>`, `$ACTION_<p>:0`
 *   = `{"id":…,"bound":"$@1"}` and `$ACTION_<p>:1` = `[initialState]`.
 * The previous state is plain JSON (React's inline encodings of dates, bigints and the like
 * allowed), never a reference to another part.
 */

/** Next's action ids: 42 hex characters (an info byte, then the hash). */
const ACTION_ID = /^[0-9a-f]{42}$/i;
/** React's reference to a FormData argument. */
const FORM_DATA_REF = /^\$K[0-9a-f]+$/;
/** React's reference to another part of the body (the bound arguments of a form action). */
const PART_REF = /^\$@([0-9a-f]+)$/;
/** The only `$`-strings plain state may hold: an escaped `$`, a date, a bigint, or a special number. */
const INLINE_VALUE = /^\$(?:\$[\s\S]*|D[\s\S]*|n-?\d{1,300}|undefined|Infinity|-Infinity|-0|NaN)$/;

export const ACTION_HEADER = "next-action";

/**
 * For a POST that is (or claims to be) a server action: `null` when the envelope has the shape
 * our pages send, otherwise why not (for the log; the caller answers 400). Other requests are
 * `null`. Reads a clone, so the body still reaches Next untouched.
 */
export async function malformedActionEnvelope(req: Request): Promise<string | null> {
  if (req.method !== "POST") return null;
  const id = req.headers.get(ACTION_HEADER);
  const multipart = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  if (id === null) return multipart ? checkFormSubmission(req) : null;
  if (!ACTION_ID.test(id)) return "action id";
  if (!multipart) return "not multipart";
  const form = await readForm(req);
  if (!form) return "unreadable multipart";
  const args = parseJson(form.get("0"));
  if (!Array.isArray(args) || args.length !== 2) return "not (state, form)";
  if (typeof args[1] !== "string" || !FORM_DATA_REF.test(args[1])) return "second argument not a form";
  if (!isPlainState(args[0])) return "state holds a reference";
  return null;
}

/**
 * A server action called from another site: Next compares the Origin's host with the request's
 * host (X-Forwarded-Host, else Host) and throws on a mismatch or an Origin it cannot read
 * ("null"), which answers 500. The proxy answers 403 first. No Origin is left to Next, as it is.
 */
export function crossSiteAction(req: Request): boolean {
  if (req.method !== "POST" || req.headers.get(ACTION_HEADER) === null) return false;
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** A form posted without JavaScript: checked only when it names a server action. */
async function checkFormSubmission(req: Request): Promise<string | null> {
  const form = await readForm(req);
  if (!form) return "unreadable multipart";
  const keys = [...form.keys()].filter((k) => k.startsWith("$ACTION_"));
  if (keys.length === 0) return null;
  const refs = keys.filter((k) => k.startsWith("$ACTION_REF_"));
  if (refs.length !== 1 || keys.some((k) => k.startsWith("$ACTION_ID_"))) return "form action without its state";
  const prefix = `$ACTION_${refs[0].slice("$ACTION_REF_".length)}:`;
  const meta = parseJson(form.get(`${prefix}0`)) as { id?: unknown; bound?: unknown } | undefined;
  const part = typeof meta?.bound === "string" ? PART_REF.exec(meta.bound) : null;
  if (typeof meta?.id !== "string" || !ACTION_ID.test(meta.id) || !part) return "form action reference";
  const bound = parseJson(form.get(`${prefix}${parseInt(part[1], 16)}`));
  if (!Array.isArray(bound) || bound.length !== 1 || !isPlainState(bound[0])) return "form action state";
  return null;
}

async function readForm(req: Request): Promise<FormData | null> {
  try {
    return await req.clone().formData();
  } catch {
    return null;
  }
}

/** The parsed JSON of a text field; `undefined` for a missing field, a file or bad JSON. */
function parseJson(field: FormDataEntryValue | null): unknown {
  if (typeof field !== "string") return undefined;
  try {
    return JSON.parse(field);
  } catch {
    return undefined;
  }
}

/** Our states are a few levels deep; the bound keeps a hostile nesting from exhausting the stack. */
function isPlainState(value: unknown, depth = 0): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return !value.startsWith("$") || INLINE_VALUE.test(value);
  if (value === null || typeof value !== "object") return value !== undefined;
  return Object.values(value).every((v) => isPlainState(v, depth + 1));
}
