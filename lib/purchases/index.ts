export { unsafeSettlePurchase, type SettleOutcome } from "./settle-purchase";
export { answerPurchase, answerPurchaseInput, type AnswerPurchaseInput } from "./answer-purchase";
export { listPurchaseQuestions, type PurchaseQuestion } from "./list-questions";
export { unsafeReleaseDuePurchaseRewards } from "./release-rewards";
export { unsafeFundWaitingPurchases } from "./fund-waiting";
export { unsafeSendMerchantNotice, type MerchantNoticeKind } from "./notices";
export {
  NEARBY_CHARGER_METERS,
  purchaseKeys,
  inMatchWindow,
  belowMinimumTicket,
  tooLate,
  releaseAtFor,
  purchaseQuestion,
} from "./rules";
export { voidPendingPurchaseRewards } from "./void-held";
