import { config } from "@/lib/config";
import type { ErrorCode } from "@/lib/errors";

type FlagDefinition = {
  /** What the switch gates, as the flags page shows it. */
  description: string;
  /** What turning it off does, asked before the switch is turned off. */
  offMeans: string;
  /** The refusal a gated request gets while it is off. */
  refusal: { code: ErrorCode; message: string };
  /** The value until an admin sets one. */
  fallback: () => boolean;
};

// Kill switches admins can flip at run time; each is checked on the server by the paths named.
export const FLAGS = {
  SIGN_UPS_ENABLED: {
    description:
      "New accounts: password and business sign-up, and a first sign-in by email link or SMS code that would create a driver account.",
    offMeans: "Nobody new can join. People who already have an account still sign in.",
    refusal: { code: "signups_disabled", message: "New sign-ups are paused right now. Please try again later." },
    fallback: () => true,
  },
  CHARGING_REWARDS_ENABLED: {
    description:
      "Verified charging sessions earn Nova and cash, and admins may pay a session on a claim. Sessions are still verified while it is off.",
    offMeans:
      "Sessions verified while it is off earn nothing (their pending reward is taken back), and claims cannot be approved.",
    refusal: { code: "charging_rewards_disabled", message: "Charging rewards are paused right now." },
    fallback: () => true,
  },
  PURCHASE_REWARDS_ENABLED: {
    description:
      "Square purchases at partner merchants are matched to drivers and paid from the merchant's prepaid balance, and drivers may answer purchase questions.",
    offMeans:
      "Orders that arrive while it is off are kept but never rewarded; open purchase questions cannot be answered.",
    refusal: { code: "purchase_rewards_disabled", message: "Purchase rewards are paused right now." },
    fallback: () => true,
  },
  WALLET_SYNC_ENABLED: {
    description: "Balance changes are pushed to drivers' Apple and Google wallet passes by the background job.",
    offMeans: "Wallet passes stop updating; the changes wait and are sent when it is turned back on.",
    refusal: { code: "wallet_sync_disabled", message: "Wallet pass updates are paused right now." },
    fallback: () => true,
  },
  NOVA_GRANTS_ENABLED: {
    description: "Admins may grant Nova to drivers.",
    offMeans: "Every admin grant will be refused until it is turned back on.",
    refusal: { code: "grants_disabled", message: "Nova grants are switched off right now." },
    fallback: () => config().NOVA_GRANTS_ENABLED,
  },
  PAYOUTS_ENABLED: {
    description: "Drivers may cash out to their bank, and queued cash-outs are sent to Stripe.",
    offMeans: "Drivers cannot cash out, and queued cash-outs wait until it is turned back on.",
    refusal: { code: "payouts_disabled", message: "Cash-out is paused right now." },
    fallback: () => config().PAYOUTS_ENABLED,
  },
  REDEMPTIONS_ENABLED: {
    description: "Drivers may redeem offers and merchants may take Nova (codes and spend codes).",
    offMeans: "Drivers will not be able to redeem offers, and shops cannot take Nova, until it is turned back on.",
    refusal: { code: "redemptions_disabled", message: "Redemptions are paused right now." },
    fallback: () => true,
  },
} as const satisfies Record<string, FlagDefinition>;
export type FlagKey = keyof typeof FLAGS;
