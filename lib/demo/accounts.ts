// Demo sign-ins created by `npm run db:seed`. Shown on the landing page in development only.
export const DEMO_PASSWORD = "nerava-demo-2026";

export const DEMO_ACCOUNTS = [
  { role: "driver", email: "driver@nerava.demo", name: "Maya Chen", surface: "/app" },
  { role: "merchant", email: "merchant@nerava.demo", name: "Luis Ortega", surface: "/merchant" },
  { role: "admin", email: "admin@nerava.demo", name: "Priya Nair", surface: "/admin" },
] as const;

export const DEMO_MERCHANT_SLUG = "mueller-market-coffee";

/**
 * A member of another demo merchant, not listed with the sign-ins above: the "other merchant" of
 * access tests (another shop's member must never see the demo merchant's data).
 */
export const DEMO_OTHER_MERCHANT_MEMBER = {
  email: "tacos@nerava.demo",
  name: "Ana Flores",
  merchantSlug: "aldrich-street-tacos",
} as const;

/**
 * A driver who has not charged or redeemed for almost a year (same password): their wallet shows
 * Nova expiring in about 10 days (Nova expiry, README). Not listed with the sign-ins above.
 */
export const DEMO_LAPSED_DRIVER = { email: "lapsed@nerava.demo", name: "Sam Rivera" } as const;

/**
 * Drivers who charged in the last month (same password, not listed with the sign-ins above): with
 * the demo driver, their verified sessions are the history the campaign simulator replays. `tag`
 * names their sessions (`demo-charge-<tag>-01`…).
 */
export const DEMO_HISTORY_DRIVERS = [
  { email: "jordan@nerava.demo", name: "Jordan Lee", tag: "jordan" },
  { email: "amara@nerava.demo", name: "Amara Okafor", tag: "amara" },
  { email: "diego@nerava.demo", name: "Diego Alvarez", tag: "diego" },
] as const;
