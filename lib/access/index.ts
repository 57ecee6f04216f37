// Who may do what: the permission map and the checks every domain function starts with. Kept apart
// from lib/auth (who you are: sessions and sign-in), so a domain that checks a permission does not
// load the sign-in flows, and with them half the app.
export { can, homeFor, type Permission, type Role } from "./permissions";
export type { Actor } from "./actor";
export {
  assertCan,
  requireMembership,
  requireOwner,
  isMerchantMember,
  assertAccountAccess,
  type AccountOwnerRef,
} from "./checks";
