export { accounts, PLATFORM, HOT_SHARDS, type AccountRef } from "./accounts";
export {
  postInTx,
  type FollowRow,
  type PostInput,
  type Posted,
  type PostedWith,
  type LedgerLine,
  type RequestFingerprint,
} from "./post";
export type { KillSwitch, UsageSpend } from "./post-sql";
export { reverseInTx } from "./reverse";
export { tryPostInTx } from "./try-post";
export { runMoneyTx, postNow, postNowWith } from "./money-tx";
export { spendUsage, refundUsage } from "./usage";
export { getBalances, unsafeGetBalances, getDriverBalances, type Balances, type DriverBalancesView } from "./balances";
export { listStatement, unsafeListStatement, statementCsv, type StatementLine, type StatementChain } from "./statement";
export { STATEMENT_MAX_ROWS } from "./statement-csv";
export {
  transactionTypes,
  isTransactionType,
  transactionTypeLabel,
  entryState,
  adminReversalRefusal,
  walletWord,
  type TransactionType,
  type EntryState,
  type EntryFacts,
} from "./transaction-types";
export { driverNovaFlows, lockDriverNovaInTx, type DriverNovaFlow } from "./nova-flows";
export { checkLedger, type LedgerViolation } from "./check";
export { checkChains, type ChainBreak } from "./check-chains";
export { verifyStatement, type StatementVerdict, type StatementProblem } from "./verify-statement";
export { checkStatementFile, NOT_YOUR_STATEMENT, type StatementCheck } from "./check-statement-file";
export { statementFileInput, STATEMENT_FILE_LIMIT, STATEMENT_FILE_MAX_BYTES } from "./statement-file-input";
export { checkLedgerNow } from "./check-now";
export { InsufficientFunds, IdempotencyConflict, AlreadyReversed, GuardFailed } from "./errors";
export { ledgerMetrics } from "./metrics";
export { createId } from "./ids";
export { assertActiveRecipient, isActiveRecipient, suspendedRecipient } from "./recipients";
export { riskHoldInTx, assertNotHeld, heldForReview, type RiskHold } from "./holds";
