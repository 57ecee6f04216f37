"use server";

import { action } from "@/lib/actions";
import { checkStatementFile, statementFileInput } from "@/lib/ledger";

/** /merchant/reports/verify: a downloaded statement checked against the ledger (only on accounts the person may read). */
export const checkMerchantStatementAction = action({
  permission: "merchant:view",
  input: statementFileInput,
  run: async ({ statement }, { actor }) => checkStatementFile(actor, await statement.text()),
});
