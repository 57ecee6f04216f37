export { inviteMember, inviteMemberInput } from "./invite-member";
export {
  acceptInvite,
  acceptInviteWithNewAccount,
  acceptInviteInput,
  acceptInviteWithAccountInput,
} from "./accept-invite";
export { findInvite, type InviteView } from "./find-invite";
export { listTeam, type Team, type TeamMember, type PendingInvite } from "./list-team";
export { revokeInvite, removeMember, revokeInviteInput, removeMemberInput } from "./change-team";
