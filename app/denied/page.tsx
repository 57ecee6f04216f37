import type { Metadata } from "next";
import { getCurrentSession } from "@/lib/auth";
import { homeFor } from "@/lib/access";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "No access" };

export default async function DeniedPage() {
  const session = await getCurrentSession();
  const who = session ? (session.user.name ?? session.user.email ?? session.user.phone) : null;
  return (
    <AuthFrame>
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">You do not have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">
        {who ? (
          <>
            You are signed in as <span className="font-medium text-slate-900">{who}</span>, and this account cannot open
            it. If you have another account that can, sign in with that one.
          </>
        ) : (
          "Sign in with an account that can open this page."
        )}
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        {session ? (
          <>
            <ButtonLink href={homeFor(session.user.role)}>Go to your home</ButtonLink>
            {/* Signing out first ends this session instead of leaving it behind a new cookie. */}
            <SignOutButton label="Sign in as someone else" variant="secondary" size="md" />
          </>
        ) : (
          <ButtonLink href="/signin">Sign in</ButtonLink>
        )}
      </div>
    </AuthFrame>
  );
}
