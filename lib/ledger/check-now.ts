import "server-only";
import { db } from "@/lib/db";
import { checkLedger } from "./check";

/** The invariant check on the app's own database (the script passes its own client to checkLedger). */
export const checkLedgerNow = () => checkLedger(db());
