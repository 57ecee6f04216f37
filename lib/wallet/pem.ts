/** PEM text from an env value: one-line env files carry "\n" escapes instead of line breaks. */
export function pemFromEnv(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const pem = value.replace(/\\r\\n|\\n/g, "\n").trim();
  return pem === "" ? undefined : `${pem}\n`;
}
