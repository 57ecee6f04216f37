export { actorOf } from "./actor";
export { getCurrentSession, sessionFromRequest, authorize, requirePagePermission } from "./current-user";
export { setSessionCookie, clearSessionCookie } from "./set-session-cookie";
export {
  createSession,
  findSession,
  listSessions,
  revokeSession,
  revokeAllSessions,
  revokeSessionByToken,
  type CurrentSession,
} from "./sessions";
export { requestMeta, metaFromHeaders, UNKNOWN_IP, type RequestMeta } from "./request-meta";
export { emailSchema, newPasswordSchema, hashPassword } from "./password";
export { signInWithPassword, signUpWithPassword, signInInput, signUpInput } from "./sign-in-password";
export { changePassword, changePasswordInput } from "./change-password";
export { requestPasswordReset, resetPassword, requestResetInput, resetPasswordInput } from "./password-reset";
export { requestMagicLink, consumeMagicLink, requestLinkInput, consumeLinkInput } from "./magic-link";
export { sendSignInCode, verifySignInCode, sendCodeInput, verifyCodeInput } from "./sign-in-otp";
export {
  suspendUser,
  suspendUserInTx,
  reinstateUser,
  changeUserRole,
  searchUsers,
  userIdInput,
  roleInput,
} from "./manage-users";
export { assertSameOrigin } from "./same-origin";
export { smsSignInAvailable } from "./otp-sender";
export { authOptions, googleEnabled } from "./next-auth";
