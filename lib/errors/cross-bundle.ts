/**
 * `instanceof` that survives duplicated module instances. Next bundles route handlers and
 * server actions separately, and objects cached on globalThis (rate limiters, provider
 * clients) throw errors made by the other bundle's copy of a class, which a plain
 * `instanceof` does not recognise. Each tagged class answers `instanceof` by a registered
 * symbol on the prototype chain instead.
 */
export function tagClass(cls: abstract new (...args: never[]) => unknown, tag: string): void {
  const symbol = Symbol.for(`nerava.class.${tag}`);
  Object.defineProperty(cls.prototype, symbol, { value: true });
  Object.defineProperty(cls, Symbol.hasInstance, {
    value: (value: unknown) =>
      value !== null && typeof value === "object" && (value as Record<symbol, unknown>)[symbol] === true,
  });
}
