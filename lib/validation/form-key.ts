import { z } from "zod";

// Values a page puts in a form for the person (never typed by them): when one is missing or
// mangled, the sentence says what to do about it rather than how long it should be.

const STALE_FORM = "This form is out of date. Reload the page and try again.";

/**
 * The idempotency key a form carries, made when the page rendered: a replay of the same form (a
 * double click, a resubmit) sends the same key, and the database decides that it was done already.
 */
export const formKey = z.string().min(16, STALE_FORM).max(100, STALE_FORM);

/** A token from a link in an email or a text message. */
export const linkToken = (
  min: number,
  max: number,
  incomplete = "This link is incomplete. Open it again from the message.",
) => z.string().trim().min(min, incomplete).max(max, "This link is not valid. Open it again from the message.");
