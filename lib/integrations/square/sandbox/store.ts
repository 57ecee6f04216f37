// The sandbox's whole state as one plain JSON value, so a `stateFile` keeps sellers, tokens and
// orders across dev restarts.
import { readStateFile, writeStateFile } from "@/lib/integrations/sandbox-kit";
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
  const state = (stateFile && readStateFile<SandboxState>(stateFile, "Square")) || fresh;
  return {
    state,
    save() {
      if (stateFile) writeStateFile(stateFile, state);
    },
  };
}
