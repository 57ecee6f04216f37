// Control characters (and lone surrogates) at the boundary. PostgreSQL refuses NUL in text and a
// lone surrogate in jsonb (a 500 if it gets that far),
// CR/LF cannot go into headers, and no id, code, email, name or token ever holds one. Every string
// a request carries (path params, query, JSON and form fields) is checked here before zod sees it.
import { AppError, notFound } from "@/lib/errors";

/** Multi-line text a person types (textarea fields): tab, LF and CR are fine there, nothing else. */
export const FREE_TEXT_FIELDS: ReadonlySet<string> = new Set(["reason", "note", "description", "message"]);
export const CONTROL_CHARS_MESSAGE = "Text may not contain control characters.";
/** Longer than any id we issue; a path param past this is not one of ours. */
const MAX_PARAM_LENGTH = 200;
const MAX_DEPTH = 32;

const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A control character it may not hold, or half of a UTF-16 surrogate pair (JSON can carry a lone
 * `\ud800`, which PostgreSQL's jsonb refuses: a 500 once it reaches an audit row).
 */
export function hasControlChars(value: string, freeText = false): boolean {
  return (freeText ? CONTROL_BUT_WHITESPACE : ANY_CONTROL).test(value) || !value.isWellFormed();
}

/**
 * The path (`lines.0.note`, `input` for a bare string) of the first string in a parsed JSON value
 * or form that carries a control character it may not; null when clean. Keys are checked as ids.
 */
export function findControlChars(value: unknown, path: string[] = [], depth = 0): string | null {
  const where = () => path.join(".") || "input";
  if (typeof value === "string")
    return hasControlChars(value, FREE_TEXT_FIELDS.has(path.at(-1) ?? "")) ? where() : null;
  if (value === null || typeof value !== "object") return null;
  if (depth > MAX_DEPTH) return where();
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    if (hasControlChars(key)) return [...path, "(key)"].join(".");
    const found = findControlChars(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The action wrapper's check of the form fields it reads: a field error, or null when clean. */
export function refuseControlCharsInForm(fields: Record<string, unknown>) {
  const field = findControlChars(fields);
  if (!field) return null;
  const name = field.split(".")[0];
  return { code: "invalid_input", message: CONTROL_CHARS_MESSAGE, fields: { [name]: CONTROL_CHARS_MESSAGE } };
}

/**
 * The route wrapper's check, before the handler runs: a path param with a control character (or far
 * too long) names nothing (404); a query value is a malformed request (400); a JSON or form body field is
 * invalid input (422).
 */
export async function assertNoControlCharsInRequest(
  req: Request,
  params: unknown,
  bodyText: string | undefined,
): Promise<void> {
  for (const value of Object.values((params ?? {}) as Record<string, string | string[]>).flat()) {
    if (typeof value === "string" && (value.length > MAX_PARAM_LENGTH || hasControlChars(value))) throw notFound();
  }
  const query = findControlChars(Object.fromEntries(new URL(req.url).searchParams));
  if (query) throw new AppError("malformed_request", `${query}: ${CONTROL_CHARS_MESSAGE}`);
  for (const body of await parseBodies(bodyText, req.headers.get("content-type") ?? "")) {
    const field = findControlChars(body);
    if (field) throw new AppError("invalid_input", `${field}: ${CONTROL_CHARS_MESSAGE}`);
  }
}

/**
 * Every way a handler may read the body (the route wrapper read it, capped, from a copy): as JSON
 * whatever the content type says (handlers parse JSON without looking at it), and as a form when
 * the content type says form. None when there is no body or it parses neither way (the handler
 * answers that itself).
 */
async function parseBodies(text: string | undefined, type: string): Promise<unknown[]> {
  if (!text) return [];
  const out: unknown[] = [];
  try {
    out.push(JSON.parse(text));
  } catch {
    // not JSON
  }
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    try {
      const form = await new Response(text, { headers: { "content-type": type } }).formData();
      out.push(
        Object.fromEntries(
          [...new Set(form.keys())].map((k) => {
            const texts = form.getAll(k).filter((v) => typeof v === "string");
            return [k, texts.length === 1 ? texts[0] : texts];
          }),
        ),
      );
    } catch {
      // not a form
    }
  }
  return out;
}

/**
 * For the proxy, which sees every request (pages too): a path segment that does not decode is a
 * malformed request (400); one with a control character names nothing (404); a query value may keep tab, CR and LF (a page's helper judges those) but
 * nothing else (400). Null when the URL is clean.
 */
export function refuseControlCharsInUrl(url: URL): { status: 400 | 404; message: string } | null {
  const decoded = url.pathname.split("/").map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return null; // "%ff", "%": Next's router would fail on it with a bare 500
    }
  });
  if (decoded.some((segment) => segment === null))
    return { status: 400, message: "The address has a malformed %-escape." };
  if (decoded.some((segment) => hasControlChars(segment!))) return { status: 404, message: "That was not found." };
  for (const [key, value] of url.searchParams) {
    if (hasControlChars(key) || hasControlChars(value, true))
      return { status: 400, message: `${key}: ${CONTROL_CHARS_MESSAGE}` };
  }
  return null;
}
