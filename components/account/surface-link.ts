import type { Role } from "@/lib/access";

const SURFACES: Record<Role, { href: string; label: string }> = {
  DRIVER: { href: "/app", label: "Driver app" },
  MERCHANT: { href: "/merchant", label: "Merchant" },
  ADMIN: { href: "/admin", label: "Admin" },
};

/** The surface a role works in, for "back to …" links. */
export const surfaceFor = (role: Role) => SURFACES[role];
