export { getAdminOverview, type AdminOverview } from "./get-overview";
export { getAccountOwner, type AccountOwner } from "./account-owners";
export { getLedgerTransaction, type LedgerTransactionDetail } from "./get-ledger-transaction";
export { listLedgerTransactions, type LedgerTransactionRow } from "./list-ledger-transactions";
export { searchDrivers, driverSearchInput, DRIVERS_PAGE_SIZE, type DriverSearch } from "./search-drivers";
export { getDriverProfile, type DriverProfile } from "./get-driver-profile";
export { getProgramDashboard, type ProgramDashboard, type DashboardDay } from "./dashboard/get-program-dashboard";
export { parseDashboardRange, DASHBOARD_PRESETS, type DashboardRange } from "./dashboard/range";
export type { TopMerchant } from "./dashboard/top-merchants";
