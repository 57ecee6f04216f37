/** Types for scripts/bundle-budget.mjs (imported by tests/e2e/pwa.spec.ts). */
export function firstLoadFiles(route: string, dist?: string): string[];
export function measure(
  files: string[],
  dist?: string,
): { rows: Array<{ file: string; raw: number; gzip: number }>; raw: number; gzip: number };
