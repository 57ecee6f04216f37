export { getAdminOverview, type AdminOverview } from "./get-overview";
export { getAccountOwner, type AccountOwner } from "./account-owners";
export { getLedgerTransaction, type LedgerTransactionDetail } from "./get-ledger-transaction";
export { listLedgerTransactions, type LedgerTransactionRow } from "./list-ledger-transactions";
