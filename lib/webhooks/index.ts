export {
  receiveWebhook,
  invalidEvent,
  type ProviderEvent,
  type WebhookAnswer,
  type WebhookHandler,
  type WebhookReceiver,
} from "./receive-webhook";
