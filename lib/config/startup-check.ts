import { ConfigError, parseConfig } from "./index";

/** Exits the process, naming every problem, when production configuration is unsafe. */
export function refuseUnsafeConfig(): void {
  try {
    parseConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
