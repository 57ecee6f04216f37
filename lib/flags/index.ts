export { isEnabled, assertEnabled, flagSql, flagValue, flagRefusal, postingSwitch, listFlags, setFlag } from "./flags";
export { FLAGS, type FlagKey } from "./definitions";
