import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// The pass model (pass.json and its images) ships in the repository and is read from disk at run
// time, relative to the working directory: `next start` and `npm run dev` run from the repo root.
export const PASS_MODEL_DIR = path.join(process.cwd(), "lib", "wallet", "apple", "model.pass");

let cached: Record<string, Buffer> | undefined;

/** The model's files by name (read once per process); a fresh object each call, for PKPass to own. */
export function passModelFiles(): Record<string, Buffer> {
  cached ??= Object.fromEntries(
    readdirSync(PASS_MODEL_DIR)
      .filter((name) => name === "pass.json" || name.endsWith(".png"))
      .map((name) => [name, readFileSync(path.join(PASS_MODEL_DIR, name))]),
  );
  return { ...cached };
}
