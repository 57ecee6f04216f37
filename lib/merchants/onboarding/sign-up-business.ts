import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { createSession, emailSchema, hashPassword, newPasswordSchema, type RequestMeta } from "@/lib/auth";
import type { Actor, Role } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { assertEnabled } from "@/lib/flags";
import { rateLimit } from "@/lib/rate-limit";
import { businessInput, type BusinessInput } from "./business-input";

export const newAccountInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80),
  email: emailSchema,
  password: newPasswordSchema,
});
export const businessWithAccountInput = businessInput.extend(newAccountInput.shape);

const EMAIL_TAKEN =
  "An account with this email already exists. Sign in first to add a business to it, or use another email.";

// a readable, unique address for the business: its name plus a random tail (no count()+1 races)
const slugFor = (name: string) =>
  `${
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "shop"
  }-${randomBytes(3).toString("hex")}`;

/** Creates the merchant as PENDING with its first owner, in the caller's transaction. */
async function createPendingMerchant(tx: Tx, ownerId: string, input: BusinessInput, meta: RequestMeta) {
  const merchant = await tx.merchant.create({
    data: {
      slug: slugFor(input.businessName),
      name: input.businessName,
      category: input.category,
      address: input.address,
      latitude: input.latitude,
      longitude: input.longitude,
      contactPhone: input.contactPhone,
      contactEmail: input.contactEmail,
      status: "PENDING",
      qrToken: randomBytes(18).toString("base64url"),
      members: { create: { userId: ownerId, role: "OWNER" } },
    },
    select: { id: true, name: true, status: true },
  });
  await recordAudit(
    { action: "merchant.sign_up", actorId: ownerId, targetType: "merchant", targetId: merchant.id, ...meta },
    tx,
  );
  return merchant;
}

/** A new person creates their merchant account and their business in one step; both or neither. */
export async function signUpBusinessWithAccount(input: z.infer<typeof businessWithAccountInput>, meta: RequestMeta) {
  await assertEnabled("SIGN_UPS_ENABLED");
  await rateLimit("signUpPerIp", meta.ip);
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("email_taken", EMAIL_TAKEN);
  const { user, merchant } = await db()
    .$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: "MERCHANT" },
        select: { id: true, role: true },
      });
      await recordAudit({ action: "auth.sign_up", actorId: user.id, metadata: { method: "merchant" }, ...meta }, tx);
      return { user, merchant: await createPendingMerchant(tx, user.id, input, meta) };
    })
    .catch((err: { code?: string }) => {
      // two sign-ups racing for one address: the unique index decides
      if (err.code === "P2002") throw new AppError("email_taken", EMAIL_TAKEN);
      throw err;
    });
  const session = await createSession(user.id, meta);
  return { ...session, role: user.role as Role, merchantId: merchant.id };
}

/** A signed-in merchant user adds another business; a driver account is told to use its own email. */
export async function addBusiness(actor: Actor, input: BusinessInput, meta: RequestMeta) {
  if (actor.role === "DRIVER") {
    throw new AppError(
      "driver_account",
      "This is a driver account. Sign out and sign up your business with a separate email address.",
    );
  }
  if (actor.role !== "MERCHANT") throw forbidden("Admins cannot sign up a business with their own account.");
  return db().$transaction((tx) => createPendingMerchant(tx, actor.userId, input, meta));
}
