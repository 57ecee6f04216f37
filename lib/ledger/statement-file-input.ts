import { z } from "zod";

/** A statement of 5,000 lines is about 1.5 MB; anything past this is no statement of ours. */
export const STATEMENT_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const STATEMENT_FILE_TOO_LARGE = "This file is larger than 2 MB, so it is not one of our statements.";
/** For the form, which refuses a file past the cap before sending it. */
export const STATEMENT_FILE_LIMIT = { maxBytes: STATEMENT_FILE_MAX_BYTES, message: STATEMENT_FILE_TOO_LARGE };

/** The "Check a statement" form: one CSV file (the browser sends an empty file when none was chosen). */
export const statementFileInput = z.object({
  statement: z
    .instanceof(File, { message: "Choose the statement file you downloaded." })
    // no file chosen comes as an empty file without a name; a chosen file that is empty has one
    .refine((f) => f.size > 0 || f.name !== "", "Choose the statement file you downloaded.")
    .refine((f) => f.size > 0 || f.name === "", "This file is empty. Choose the statement you downloaded.")
    .refine((f) => f.size <= STATEMENT_FILE_MAX_BYTES, STATEMENT_FILE_TOO_LARGE),
});
