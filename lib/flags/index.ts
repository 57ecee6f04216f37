export { isEnabled, listFlags, setFlag, FLAGS, type FlagKey } from "./flags";
