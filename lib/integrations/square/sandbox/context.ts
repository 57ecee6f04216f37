// What every sandbox operation works on: the state, the clock, event emission and persistence.
import { newUuid } from "./ids";
import type { SquareEvent } from "./objects";
import type { SandboxState } from "./store";
import type { WebhookSender } from "./webhooks";

export type Sandbox = {
  state: SandboxState;
  /** Unix ms on the sandbox clock. */
  now(): number;
  /** `http://127.0.0.1:<port>` once listening. */
  baseUrl: string;
  applicationId: string;
  applicationSecret: string;
  accessTokenTtlMs: number;
  /** Where the consent page sends the seller back (unless the request names a redirect_uri). */
  redirectUrl?: string;
  webhooks: WebhookSender;
  save(): void;
};

export const isoAt = (ms: number) => new Date(ms).toISOString();

/** True while the merchant has a live grant for the app: Square sends events only then. */
export const isAuthorized = (sandbox: Sandbox, merchantId: string) =>
  Object.values(sandbox.state.refreshTokens).some((t) => t.merchantId === merchantId && !t.revoked);

export function emitEvent(
  sandbox: Sandbox,
  merchantId: string,
  type: string,
  data: SquareEvent["data"],
): SquareEvent | undefined {
  if (type !== "oauth.authorization.revoked" && !isAuthorized(sandbox, merchantId)) return undefined;
  const event: SquareEvent = {
    merchant_id: merchantId,
    type,
    event_id: newUuid(),
    created_at: isoAt(sandbox.now()),
    data: structuredClone(data),
  };
  sandbox.state.events.push(event);
  sandbox.webhooks.send(event);
  return event;
}
