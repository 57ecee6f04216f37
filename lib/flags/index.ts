export { isEnabled, assertEnabled, flagSql, flagValue, flagRefusal, listFlags, setFlag } from "./flags";
export { FLAGS, type FlagKey } from "./definitions";
