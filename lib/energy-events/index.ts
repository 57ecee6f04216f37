export { energyInWindow, counterSteps, type Reading, type ChargeState } from "./energy";
export { judgeParticipation, NO_DATA, PAUSE_COVER_MS, PAUSE_SHIFT_MS, type EventTerms, type Judgement } from "./judge";
export {
  energyEventInput,
  eventIdInput,
  eventWindow,
  MIN_WINDOW_MINUTES,
  MAX_WINDOW_HOURS,
  type EnergyEventInput,
  type EnergyEventFields,
} from "./definition";
export { localToInstant, localDate, tomorrowDate } from "./local-time";
export { clockTime, windowWords, kwhWords, novaWords } from "./words";
export { createEnergyEvent, MIN_LEAD_MINUTES } from "./create-event";
export { setEventParticipation } from "./participation";
export { unsafeSettleParticipation, energyEventKey, type SettleOutcome } from "./settle";
export { unsafeSettleEvent, settleEnergyEvent, unsafeSettleDueEvents, SETTLE_GRACE_MS } from "./settle-event";
export { unsafePollEventTelemetry } from "./poll-telemetry";
export { unsafeCarReadings } from "./readings";
export { listDriverEvents, listEnergyEvents, getEnergyEvent, eventPhase, type EventPhase } from "./queries";
export { driverEventCards } from "./driver-cards";
export { bonusWords, settleSummary } from "./words";
