export { unsafeSyncWalletPasses } from "./sync";
