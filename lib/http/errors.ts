/** A failure whose message is safe to show a person. Anything else is logged and hidden. */
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That") => new AppError("not_found", `${what} was not found.`, 404);
export const unauthorized = () => new AppError("unauthorized", "Please sign in to continue.", 401);
export const forbidden = () => new AppError("forbidden", "You do not have access to this.", 403);

export type ErrorBody = { error: { code: string; message: string; requestId?: string } };

export const GENERIC_MESSAGE = "Something went wrong on our side. Please try again in a moment.";
