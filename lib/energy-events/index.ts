export { energyInWindow, counterSteps, type Reading, type ChargeState } from "./energy";
export { judgeParticipation, NO_DATA, PAUSE_COVER_MS, PAUSE_SHIFT_MS, type EventTerms, type Judgement } from "./judge";
export { energyEventInput, eventWindow, type EnergyEventInput, type EnergyEventFields } from "./definition";
export { localToInstant, localDate } from "./local-time";
export { clockTime, windowWords, kwhWords, novaWords } from "./words";
