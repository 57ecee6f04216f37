import { tagClass } from "./cross-bundle";
import { ERROR_STATUS, type ErrorCode } from "./codes";

/** A failure whose message is safe to show a person. Its status comes from the code table. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}
tagClass(AppError, "AppError");

export const notFound = (what = "That") => new AppError("not_found", `${what} was not found.`);
export const unauthorized = () => new AppError("unauthorized", "Please sign in to continue.");
export const forbidden = (message = "You do not have access to this.") => new AppError("forbidden", message);

export type ErrorBody = { error: { code: string; message: string; requestId?: string } };

export const GENERIC_MESSAGE = "Something went wrong on our side. Please try again in a moment.";
