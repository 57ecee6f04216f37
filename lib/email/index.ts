export { sendEmail, listOutbox, type Email } from "./send-email";
export { magicLinkEmail, passwordResetEmail, spendNoticeEmail, payoutNoticeEmail } from "./templates";
