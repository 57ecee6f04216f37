// The sandbox's whole state as one plain JSON value, so a `stateFile` keeps sellers, tokens and
// orders across dev restarts.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Customer, Location, Merchant, Order, Payment, Refund, SquareEvent } from "./objects";

/** A one-use authorization code from the consent page (or control.authorize). */
export type CodeRecord = { merchantId: string; scopes: string[]; expiresAt: number; used: boolean };

export type AccessTokenRecord = {
  merchantId: string;
  scopes: string[];
  /** Unix ms. */
  expiresAt: number;
  refreshToken: string;
  revoked: boolean;
};

export type RefreshTokenRecord = { merchantId: string; scopes: string[]; revoked: boolean };

export type SandboxState = {
  version: 1;
  merchants: Record<string, Merchant>;
  locations: Record<string, Location>;
  customers: Record<string, Customer & { merchant_id: string }>;
  orders: Record<string, Order>;
  payments: Record<string, Payment>;
  refunds: Record<string, Refund>;
  codes: Record<string, CodeRecord>;
  accessTokens: Record<string, AccessTokenRecord>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  events: SquareEvent[];
};

export type Store = { state: SandboxState; save(): void };

export function createStore({ stateFile }: { stateFile?: string }): Store {
  const fresh: SandboxState = {
    version: 1,
    merchants: {},
    locations: {},
    customers: {},
    orders: {},
    payments: {},
    refunds: {},
    codes: {},
    accessTokens: {},
    refreshTokens: {},
    events: [],
  };
  const state = (stateFile && readState(stateFile)) || fresh;
  return {
    state,
    save() {
      if (!stateFile) return;
      // Written whole and renamed into place, so a crash mid-write never leaves half a file.
      mkdirSync(path.dirname(stateFile), { recursive: true });
      const temporary = `${stateFile}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(state));
      renameSync(temporary, stateFile);
    },
  };
}

function readState(stateFile: string): SandboxState | undefined {
  let text: string;
  try {
    text = readFileSync(stateFile, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const state = JSON.parse(text) as SandboxState;
  if (state.version !== 1) throw new Error(`Square sandbox: ${stateFile} holds an unknown state version.`);
  return state;
}
