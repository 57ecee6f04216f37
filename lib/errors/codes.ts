/**
 * Every error code the app answers with, and its HTTP status. The table is closed: throwing a
 * code that is not listed here does not compile, and one code always means one status.
 * Bad input answers 422; limits, caps and states that refuse the request (already used, sold
 * out, over today's cap) answer 409: the same request may succeed another day.
 */
export const ERROR_STATUS = {
  // the request itself
  invalid_input: 422,
  malformed_request: 400,
  payload_too_large: 413,
  invalid_event: 400,
  bad_signature: 400,
  not_configured: 404,
  // who is asking
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  bad_origin: 403,
  suspended: 403,
  no_merchant: 403,
  self_dealing: 403,
  not_found: 404,
  // limits
  rate_limited: 429,
  over_grant_max: 409,
  daily_cap: 409,
  offer_limit: 409,
  spend_daily_limit: 409,
  payout_limit: 409,
  // state that refuses the request
  insufficient_funds: 409,
  idempotency_conflict: 409,
  already_reversed: 409,
  not_reversible: 409,
  grants_disabled: 409,
  redemptions_disabled: 409,
  payouts_disabled: 409,
  signups_disabled: 409,
  charging_rewards_disabled: 409,
  purchase_rewards_disabled: 409,
  wallet_sync_disabled: 409,
  cash_out_not_ready: 409,
  instant_unavailable: 409,
  payout_state: 409,
  topup_conflict: 409,
  merchant_inactive: 409,
  account_suspended: 409,
  // abuse defence: a driver held for review, a flag already decided, a hold already in place or lifted
  account_on_hold: 409,
  flag_decided: 409,
  hold_exists: 409,
  no_hold: 409,
  campaign_state: 409,
  // energy events: opting in or out after the window opened; settling before it closed
  event_closed: 409,
  event_state: 409,
  offer_sold_out: 409,
  offer_ended: 409,
  limit_below_redeemed: 409,
  code_used: 409,
  code_expired: 410,
  code_cancelled: 410,
  unknown_code: 404,
  unknown_pass: 404,
  // direct spend: only a spend code from the driver's app pays, once, for about a minute
  pass_cannot_pay: 400,
  spend_token_invalid: 400,
  spend_token_used: 409,
  spend_token_expired: 410,
  not_cancellable: 409,
  session_active: 409,
  charger_closed: 409,
  not_claimable: 409,
  claim_exists: 409,
  claim_closed: 409,
  email_taken: 409,
  // merchant onboarding and team
  merchant_not_pending: 409,
  merchant_transition: 409,
  driver_account: 409,
  invite_pending: 409,
  already_member: 409,
  invite_invalid: 410,
  invite_wrong_email: 403,
  last_owner: 409,
  self_suspend: 400,
  user_status_unchanged: 409,
  self_role: 400,
  // sign-in links and codes
  invalid_token: 400,
  invalid_link: 400,
  invalid_phone: 422,
  wrong_code: 400,
  expired_or_used: 400,
  too_many_attempts: 400,
  // providers
  sms_unavailable: 503,
  provider_unavailable: 503,
  // this server cannot sign Apple Wallet passes (a certificate setting is missing or wrong)
  wallet_unavailable: 503,
  reconnect_needed: 409,
  square_not_connected: 409,
  square_taken: 409,
  purchase_answered: 409,
  invalid_code: 400,
  no_vehicles: 400,
  vehicle_taken: 409,
  state_invalid: 400,
  state_expired: 400,
  state_other_user: 400,
  // a feature this deployment switched off (CHARGING_ENABLED, SMS_SIGNIN_ENABLED) or may not run here
  charging_disabled: 404,
  sms_disabled: 404,
  // a webhook whose handling failed: 5xx whatever the cause, so the provider delivers it again
  webhook_failed: 500,
  // anything unknown (never thrown as AppError; shown with the generic message)
  internal: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function statusFor(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
