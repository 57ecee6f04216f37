import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import GoogleProvider from "next-auth/providers/google";
import { recordAudit } from "@/lib/audit";
import { config, GOOGLE_ISSUER, sandboxAllowed } from "@/lib/config";
import { db } from "@/lib/db";
import { isEnabled } from "@/lib/flags";
import { safeRedirectPath } from "@/lib/validation";
import { SESSION_MAX_AGE_SECONDS, sessionCookie } from "./cookies";
import { createDriverAccount } from "./create-driver";
import { isSessionTokenShaped } from "./sessions";

/**
 * next-auth reads the same cookie: a malformed one is no session there either. A first Google
 * sign-in creates the driver the way every sign-up does (with its sign-up campaigns, in one transaction).
 */
function withTokenShapeCheck(adapter: Adapter): Adapter {
  const { getSessionAndUser, updateSession, deleteSession } = adapter;
  return {
    ...adapter,
    createUser: async ({ email, emailVerified, name, image }: AdapterUser) => {
      const user = await createDriverAccount({ email, emailVerified, name, image });
      // next-auth creates only for an address it found no account for: a conflict is a race it lost
      if (!user) throw new Error("An account with this email was created at the same moment.");
      return { ...user, email: user.email ?? email };
    },
    getSessionAndUser: async (token) => (isSessionTokenShaped(token) ? (getSessionAndUser?.(token) ?? null) : null),
    updateSession: async (session) => (isSessionTokenShaped(session.sessionToken) ? updateSession?.(session) : null),
    deleteSession: async (token) => {
      if (isSessionTokenShaped(token)) await deleteSession?.(token);
    },
  };
}

/** Google sign-in: a client configured, against Google itself or a sandbox issuer where one may run. */
export function googleEnabled(): boolean {
  const env = config();
  const issuerAllowed = env.GOOGLE_ISSUER === GOOGLE_ISSUER || sandboxAllowed(env, "google");
  return Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) && issuerAllowed;
}

/**
 * next-auth runs Google sign-in (OAuth/OIDC with state, PKCE and nonce) and writes a
 * database session in the same table and cookie as our password, link and SMS sign-ins.
 */
export function authOptions(): AuthOptions {
  const env = config();
  const cookie = sessionCookie();
  return {
    adapter: withTokenShapeCheck(PrismaAdapter(db()) as unknown as Adapter),
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 60 * 60 },
    cookies: { sessionToken: { name: cookie.name, options: cookie.options } },
    pages: { signIn: "/signin", error: "/signin" },
    providers: googleEnabled()
      ? [
          GoogleProvider({
            clientId: env.GOOGLE_CLIENT_ID!,
            clientSecret: env.GOOGLE_CLIENT_SECRET!,
            wellKnown: `${env.GOOGLE_ISSUER}/.well-known/openid-configuration`,
            checks: ["pkce", "state", "nonce"],
            // Linking to an existing account is safe only for a verified address (checked below).
            allowDangerousEmailAccountLinking: true,
            httpOptions: { timeout: 10_000 },
          }),
        ]
      : [],
    callbacks: {
      // Every place next-auth redirects to (its callbackUrl, sign-in and error pages): our origin only.
      redirect({ url, baseUrl }) {
        const path = safeRedirectPath(url, baseUrl);
        return path ? new URL(path, baseUrl).href : baseUrl;
      },
      async signIn({ user, account, profile }) {
        if (
          account?.provider === "google" &&
          (profile as { email_verified?: boolean } | undefined)?.email_verified !== true
        ) {
          return "/signin?error=unverified";
        }
        const existing = user.id
          ? await db().user.findUnique({ where: { id: user.id }, select: { status: true } })
          : null;
        if (existing?.status === "SUSPENDED") return "/signin?error=suspended";
        // a first Google sign-in would create an account: refused while sign-ups are paused
        if (!existing && !(await isEnabled("SIGN_UPS_ENABLED"))) return "/signin?error=signups_paused";
        return true;
      },
    },
    events: {
      async signIn({ user, account }) {
        await recordAudit({
          action: "auth.sign_in",
          actorId: user.id,
          metadata: { method: account?.provider ?? "unknown" },
        });
      },
    },
  };
}
