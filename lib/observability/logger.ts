import pino from "pino";

const globalForLog = globalThis as unknown as { nervaLogger?: pino.Logger };

/** JSON logs; secrets never logged (cookies and auth headers are redacted). */
export const logger: pino.Logger = (globalForLog.nervaLogger ??= pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "nerava" },
  redact: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.token"],
  timestamp: pino.stdTimeFunctions.isoTime,
}));

export function requestLogger(requestId: string): pino.Logger {
  return logger.child({ requestId });
}
