export { sendEmail, listOutbox, type Email } from "./send-email";
export {
  magicLinkEmail,
  passwordResetEmail,
  spendNoticeEmail,
  payoutNoticeEmail,
  teamInviteEmail,
  purchaseWaitingFundsEmail,
  lowBalanceEmail,
  novaExpiryReminderEmail,
} from "./templates";
