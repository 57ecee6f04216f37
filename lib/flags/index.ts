export { isEnabled, assertEnabled, flagRefusal, listFlags, setFlag } from "./flags";
export { FLAGS, type FlagKey } from "./definitions";
