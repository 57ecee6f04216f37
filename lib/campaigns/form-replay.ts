import "server-only";
import type { Actor } from "@/lib/access";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

// A campaign form carries a key made when the page rendered (lib/validation formKey); the version it
// creates stores it under a unique constraint. The same form sent again (a double click, a resubmit,
// a retried request) hits the constraint, and the person is answered with what the first one made.

/** The form's key was taken by an insert that raced or came before this one. */
export const isReplayedKey = (err: unknown, requestKey: string | undefined): requestKey is string =>
  requestKey !== undefined && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/**
 * The version this form's key made, when this person made it (for a revision, of this campaign);
 * anything else is a key that belongs to another request.
 */
export async function versionMadeByForm(actor: Actor, requestKey: string, campaignId?: string) {
  const made = await db().campaignVersion.findUnique({ where: { requestKey }, include: { campaign: true } });
  if (made && made.createdById === actor.userId && (campaignId === undefined || made.campaignId === campaignId))
    return made;
  throw new AppError(
    "idempotency_conflict",
    "This form was already used for another change. Reload the page and try again.",
  );
}
