// Loads Prisma's schema engine compiled to WebAssembly (no native binary, no
// network). The package entry imports the .wasm file directly, which Node
// cannot do, so we instantiate it by hand with the wasm-bindgen glue module as
// its import object. Only used by scripts / migration tooling: keep it out of
// request paths (schema-engine.ts imports this file lazily).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine, MigrationList } from "@prisma/schema-engine-wasm";

export type { SchemaEngine, MigrationList };

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

/** Collects the Rust panic message (the glue code writes it to this global). */
class PanicRegistry {
  message = "";
  get() {
    return this.message;
  }
  set_message(msg: string) {
    this.message = `RuntimeError: ${msg}`;
  }
}
const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
g.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();

let gluePromise: Promise<Glue> | undefined;

async function instantiate(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(path.dirname(gluePath), "schema_engine_bg.wasm");
  const glue: Glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  // The engine arms a 10 s advisory-lock timeout timer that it never clears;
  // unref it (and any other engine timer) so it cannot keep Node alive.
  for (const key of Object.keys(imports).filter((k) => k.startsWith("__wbg_setTimeout_"))) {
    imports[key] = (fn: () => void, ms: number) => {
      const timer = setTimeout(fn, ms >>> 0);
      timer.unref?.();
      return timer;
    };
  }
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": imports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/** Instantiates the wasm module once per process. */
export function loadSchemaEngineWasm(): Promise<Glue> {
  gluePromise ??= instantiate().catch((err) => {
    gluePromise = undefined;
    throw err;
  });
  return gluePromise;
}

/**
 * Runs `fn` with a fresh engine bound to the given adapter factory, and frees
 * the engine afterwards. Failures surface as `Error`s (with `code`, e.g. "P3009", when
 * the engine gives one).
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadSchemaEngineWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const log = (line: string) => {
    if (process.env.SCHEMA_ENGINE_DEBUG) console.error(`[schema-engine] ${line}`);
  };
  let engine: SchemaEngine | undefined;
  try {
    engine = await glue.SchemaEngine.new({ datamodels: undefined }, log, adapter);
    return await fn(engine);
  } catch (err) {
    throw toError(err);
  } finally {
    engine?.free();
  }
}

function toError(err: unknown): Error {
  const panic = g.PRISMA_WASM_PANIC_REGISTRY?.get();
  if (err instanceof Error) {
    if (panic && err.name === "RuntimeError") err.message = `${err.message} (${panic})`;
    return err;
  }
  if (err && typeof err === "object") {
    const e = err as { message?: unknown; error_code?: unknown; meta?: unknown };
    if (typeof e.message === "string") {
      const code = typeof e.error_code === "string" ? `${e.error_code}: ` : "";
      return new Error(code + e.message);
    }
  }
  return new Error(typeof err === "string" ? err : JSON.stringify(err));
}
