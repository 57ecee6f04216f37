/** A Google Wallet call that failed; `status` is the HTTP status when Google answered at all. */
export class GoogleWalletError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
    readonly retryable = false,
  ) {
    super(message);
    this.name = "GoogleWalletError";
  }
}
