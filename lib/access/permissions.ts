export type Role = "DRIVER" | "MERCHANT" | "ADMIN";

// The one permission map. Anything not listed here is refused (fails closed).
const PERMISSIONS = {
  "account:manage": ["DRIVER", "MERCHANT", "ADMIN"],
  "driver:use": ["DRIVER", "MERCHANT", "ADMIN"],
  "merchant:view": ["MERCHANT"],
  "merchant:operate": ["MERCHANT"],
  "admin:view": ["ADMIN"],
  "admin:manage-users": ["ADMIN"],
  "admin:manage-merchants": ["ADMIN"],
  "admin:grant": ["ADMIN"],
  "admin:flags": ["ADMIN"],
  "admin:manage-claims": ["ADMIN"],
  "admin:payouts": ["ADMIN"],
  "admin:merchant-funding": ["ADMIN"],
  "admin:risk": ["ADMIN"],
  "admin:campaigns": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: string): boolean {
  if (!role || !Object.hasOwn(PERMISSIONS, permission)) return false;
  return (PERMISSIONS[permission as Permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  return role === "ADMIN" ? "/admin" : role === "MERCHANT" ? "/merchant" : "/app";
}
