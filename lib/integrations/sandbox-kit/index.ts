// What the local provider twins (Stripe, Square) share: writing answers, and a state file that
// survives a dev restart. Each twin keeps its own wire format and pages.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";

export function sendJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

/** A twin's own page (consent, setup), under its strict content policy. */
export function sendHtml(res: ServerResponse, status: number, html: string, policy: string) {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": policy,
    "referrer-policy": "no-referrer",
    "cache-control": "no-store",
  });
  res.end(html);
}

export function redirect(res: ServerResponse, status: 302 | 303, location: string) {
  res.writeHead(status, { location, "cache-control": "no-store" });
  res.end();
}

/** Written whole and renamed into place, so a crash mid-write never leaves half a file. */
export function writeStateFile(stateFile: string, state: unknown): void {
  mkdirSync(path.dirname(stateFile), { recursive: true });
  const temporary = `${stateFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, stateFile);
}

/** The saved state, or undefined when there is none yet; an unknown version is refused by name. */
export function readStateFile<T extends { version: number }>(stateFile: string, twin: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(stateFile, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const state = JSON.parse(text) as T;
  if (state.version !== 1) throw new Error(`${twin} sandbox: ${stateFile} holds an unknown state version.`);
  return state;
}

/** One webhook delivery attempt, as both twins record it for tests and scripts. */
export type WebhookDelivery = {
  eventId: string;
  type: string;
  url: string;
  /** 1 for the first try of this delivery; a redelivery counts again from 1. */
  attempt: number;
  /** The receiver's status, or null when the connection failed. */
  status: number | null;
  error?: string;
  at: Date;
};
