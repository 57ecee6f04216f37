import "server-only";
import { awardSignUpCampaignsInTx } from "@/lib/campaigns";
import { db } from "@/lib/db";
import { runMoneyTx } from "@/lib/ledger";
import type { Role } from "@/lib/access";

export type NewDriver = {
  email?: string;
  phone?: string;
  name?: string | null;
  image?: string | null;
  passwordHash?: string;
  emailVerified?: Date | null;
  phoneVerified?: Date | null;
};
const created = {
  id: true,
  role: true,
  status: true,
  email: true,
  emailVerified: true,
  name: true,
  image: true,
  createdAt: true,
} as const;

/**
 * Every way a driver account comes to exist (password sign-up, a first email link or SMS code, a
 * first Google sign-in): the account, or null when one already holds its email or phone (the unique
 * index decides, so racing sign-ups make one account). Its sign-up campaigns pay in the same
 * transaction: no account without the bonus it qualified for, no bonus without its account.
 */
export async function createDriverAccount(data: NewDriver) {
  return runMoneyTx(async (tx) => {
    const [user] = await tx.user.createManyAndReturn({
      data: [{ ...data, role: "DRIVER" }],
      skipDuplicates: true,
      select: created,
    });
    if (!user) return null;
    await awardSignUpCampaignsInTx(tx, user);
    return { ...user, role: user.role as Role };
  });
}

/** A proven email or phone signs in its account, which is created (with its sign-up campaigns) on first use. */
export async function findOrCreateDriver(who: { email: string } | { phone: string }, verifiedAt = new Date()) {
  const proof = "email" in who ? { emailVerified: verifiedAt } : { phoneVerified: verifiedAt };
  const select = { id: true, role: true, status: true } as const;
  const mark = () => db().user.update({ where: who, data: proof, select });
  if (await db().user.findUnique({ where: who, select: { id: true } })) return mark();
  // not there a moment ago: create it, or (another sign-in made it meanwhile) mark the one that won
  return (await createDriverAccount({ ...who, ...proof })) ?? mark();
}
