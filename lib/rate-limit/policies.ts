import type { LimitPolicy } from "./limiter";

// Every abuse limit in one place. Numbers are per subject (an IP, an email, a phone number).
export const LIMITS = {
  signInPerIp: { points: 30, durationSeconds: 15 * 60, message: "Too many sign-in attempts from this network." },
  signInPerAccount: { points: 5, durationSeconds: 15 * 60, message: "Too many sign-in attempts for this account." },
  signUpPerIp: { points: 10, durationSeconds: 60 * 60, message: "Too many accounts created from this network." },
  otpSendPerNumber: { points: 5, durationSeconds: 60 * 60, message: "Too many codes sent to this number." },
  otpSendPerIp: { points: 5, durationSeconds: 60, message: "Too many codes requested." },
  otpVerifyPerNumber: { points: 5, durationSeconds: 60, message: "Too many code attempts." },
  emailLinkPerIp: { points: 10, durationSeconds: 60, message: "Too many sign-in links requested." },
  magicLinkPerEmail: { points: 5, durationSeconds: 60 * 60, message: "Too many sign-in links sent to this address." },
  passwordResetPerEmail: { points: 3, durationSeconds: 60 * 60, message: "Too many password reset emails." },
  passwordResetPerIp: { points: 10, durationSeconds: 60 * 60, message: "Too many password reset requests." },
  redeemCodePerUser: { points: 20, durationSeconds: 60, message: "Too many code attempts." },
  redeemCodePerIp: { points: 60, durationSeconds: 60, message: "Too many code attempts from this network." },
  teamInvitePerUser: {
    points: 20,
    durationSeconds: 60 * 60,
    message: "Too many invitations sent. Try again in an hour.",
  },
  // Each live Nearby Search is billed by Google; answers held for a charger cost nothing.
  nearbyPlacesPerUser: { points: 60, durationSeconds: 60 * 60, message: "Too many nearby-place lookups." },
  // The discovery map: a driver panning sends one or two a second at most (answers are cached 30 s).
  nearbyPerIp: { points: 600, durationSeconds: 60, message: "Too many map requests from this network." },
  // The PassKit web service (public, called by iPhones): a device asks a few times per pass update.
  passDevicePerId: { points: 60, durationSeconds: 60, message: "Too many pass requests from this device." },
  passFetchPerSerial: { points: 60, durationSeconds: 60, message: "Too many requests for this pass." },
  passLogPerIp: { points: 30, durationSeconds: 60, message: "Too many pass log reports." },
  passRefusalsPerIp: { points: 60, durationSeconds: 60, message: "Too many refused pass requests." },
  // "Check a statement": each check reads up to a statement's worth of ledger rows (5,000).
  statementCheckPerUser: { points: 20, durationSeconds: 10 * 60, message: "Too many statements checked." },
  spendCodePerDriver: { points: 30, durationSeconds: 60, message: "Too many new spend codes. Wait a moment." },
} as const satisfies Record<string, LimitPolicy>;

export type LimitName = keyof typeof LIMITS;
