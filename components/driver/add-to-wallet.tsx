import { CheckCircle2Icon, RefreshCwIcon } from "lucide-react";
import type { WalletPassesView } from "@/lib/wallet";
import { formatDateTime } from "@/components/ui/format";

export type WalletPlatform = "apple" | "google" | "both";

/**
 * "Add to Apple Wallet" / "Add to Google Wallet", the one the phone uses first (both on a
 * computer), each with its state: added, updating, not added yet, or unavailable and why.
 */
export function AddToWallet({ view, platform }: { view: WalletPassesView; platform: WalletPlatform }) {
  const apple = <AppleWallet key="apple" view={view} />;
  const google = <GoogleWallet key="google" view={view} />;
  const order = platform === "google" ? [google, apple] : [apple, google];
  return (
    <div className="space-y-4">
      {platform === "both" ? order : order[0]}
      {platform === "both" ? null : (
        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer py-2">Use the other wallet</summary>
          <div className="mt-2">{order[1]}</div>
        </details>
      )}
    </div>
  );
}

function AppleWallet({ view }: { view: WalletPassesView }) {
  const { apple } = view;
  const devices = apple.devices === 1 ? "1 device" : `${apple.devices} devices`;
  return (
    <WalletOption
      wallet="Apple Wallet"
      href="/api/wallet/apple/download"
      download="nerava.pkpass"
      tone="bg-black hover:bg-slate-800"
      status={apple}
      added={apple.devices > 0}
      updating={view.updating}
      addedText={`In Apple Wallet on ${devices}; it updates itself.`}
      since={apple.updatedAt}
    />
  );
}

function GoogleWallet({ view }: { view: WalletPassesView }) {
  const { google } = view;
  return (
    <WalletOption
      wallet="Google Wallet"
      href="/api/wallet/google/save"
      post
      tone="bg-slate-900 hover:bg-slate-700"
      status={google}
      added={google.added}
      updating={view.updating}
      addedText="Your card is in Google Wallet; its balance follows yours."
      since={google.syncedAt}
    />
  );
}

const BUTTON =
  "flex min-h-12 w-full items-center justify-center gap-2 rounded-xl px-4 text-base font-medium text-white";

type WalletOptionProps = {
  wallet: string;
  href: string;
  /** A form POST (it makes something: Google's object), not a link. */
  post?: boolean;
  download?: string;
  tone: string;
  status: { available: boolean; reason?: string };
  added: boolean;
  updating: boolean;
  addedText: string;
  since: Date | null;
};

/** One wallet's button and state line, or why it is not available. */
function WalletOption({ wallet, href, post, download, tone, status, ...state }: WalletOptionProps) {
  if (!status.available)
    return (
      <section aria-label={wallet}>
        <Unavailable wallet={wallet} reason={status.reason} />
      </section>
    );
  return (
    <section aria-label={wallet} className="space-y-2">
      {post ? (
        <form method="post" action={href}>
          <button type="submit" className={`${BUTTON} ${tone}`}>
            Add to {wallet}
          </button>
        </form>
      ) : (
        <a href={href} download={download} className={`${BUTTON} ${tone}`}>
          Add to {wallet}
        </a>
      )}
      <State {...state} updating={state.updating && state.added} />
    </section>
  );
}

function State(props: { added: boolean; updating: boolean; addedText: string; since: Date | null }) {
  if (!props.added) return <p className="text-sm text-slate-600">Not added yet.</p>;
  return (
    <p className="flex items-start gap-1.5 text-sm text-slate-700" role="status">
      {props.updating ? (
        <RefreshCwIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 animate-spin text-slate-500" />
      ) : (
        <CheckCircle2Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-700" />
      )}
      <span>
        {props.updating ? "Updating with your new balance…" : props.addedText}
        {!props.updating && props.since ? (
          <span className="block text-xs text-slate-500">Last change {formatDateTime(props.since)}</span>
        ) : null}
      </span>
    </p>
  );
}

function Unavailable({ wallet, reason }: { wallet: string; reason?: string }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">
      <p className="font-medium text-slate-800">{wallet} is not available here yet.</p>
      {reason ? <p className="mt-0.5">{reason}</p> : null}
    </div>
  );
}
