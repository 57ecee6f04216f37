export { notifyInTx, type NotificationKind, type NewNotification } from "./notify";
export { requestAnnouncementInTx, unsafeRunAnnouncements, type AnnouncementKind } from "./announce";
export { announceCampaign, campaignPitch } from "./announce-campaign";
export { unsafeAnnounceEnergyEvent, eventPitch } from "./announce-event";
export { unsafeEmailNotices } from "./deliver-email";
export { getNotificationPreference, setEmailNotifications, unsubscribeByToken } from "./preferences";
export {
  unsubscribeTokenInput,
  unsubscribeToken,
  readUnsubscribeToken,
  unsubscribePageUrl,
  unsubscribePostUrl,
} from "./unsubscribe-token";
export { listNotifications, countUnreadNotifications, markNotificationsRead } from "./queries";
export { noticeStandings, type NoticeStanding } from "./notice-standing";
