"use server";

import { action } from "@/lib/actions";
import { checkStatementFile, statementFileInput } from "@/lib/ledger";

/** /app/wallet/verify: a downloaded statement checked against the ledger (only on accounts the person may read). */
export const checkWalletStatementAction = action({
  permission: "driver:use",
  input: statementFileInput,
  run: async ({ statement }, { actor }) => checkStatementFile(actor, await statement.text()),
});
