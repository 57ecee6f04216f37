// Where a person may be sent after sign-in (or any redirect whose target comes from input). Safe on
// the server and in the browser: no server-only imports.

/** Any origin works as the base: only targets that stay on it survive, and the answer is a path. */
const DEFAULT_BASE = "https://nerava.invalid";
const MAX_LENGTH = 500;
// C0 controls and DEL: browsers drop tabs and newlines from URLs (`/\t/evil.example` is read as
// `//evil.example`), and CR/LF cannot go into a Location header at all.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The same-origin path (with query and fragment) a redirect target resolves to, or null when it
 * leaves the origin, is not a URL, is too long or carries control characters. The target is resolved
 * with the WHATWG URL parser (the browser's rules, backslashes and all) and the origins compared;
 * the answer is rebuilt from the parsed URL, never the input.
 */
export function safeRedirectPath(target: unknown, base: string = DEFAULT_BASE): string | null {
  if (typeof target !== "string" || target === "" || target.length > MAX_LENGTH || CONTROL.test(target)) return null;
  let origin: string, resolved: URL;
  try {
    origin = new URL(base).origin;
    resolved = new URL(target, base);
  } catch {
    return null;
  }
  if (resolved.origin !== origin) return null;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  // `/.//evil.example` normalises to `//evil.example`, which a browser reads as another host.
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  return new URL(path, base).origin === origin ? path : null;
}
