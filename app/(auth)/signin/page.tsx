import type { Metadata } from "next";
import { homeFor } from "@/lib/access";
import { getCurrentSession, googleEnabled, smsSignInAvailable } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/validation";
import { AuthHeading } from "@/components/auth/auth-frame";
import { AuthLink } from "@/components/auth/auth-link";
import { DemoAccountsHint } from "@/components/auth/demo-accounts-hint";
import { EmailLinkForm } from "@/components/auth/email-link-form";
import { GoogleSignInButton } from "@/components/auth/google-sign-in-button";
import { Notice } from "@/components/ui/notice";
import { PasswordSignInForm } from "@/components/auth/password-sign-in-form";
import { param, type SearchParams } from "@/components/auth/search-params";
import { parseMethod, SignInMethods } from "@/components/auth/sign-in-methods";
import { SignInNotices } from "@/components/auth/sign-in-notices";
import { SmsSignInForm } from "@/components/auth/sms-sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const callbackUrl = safeRedirectPath(param(sp.callbackUrl)) ?? undefined;
  const sms = smsSignInAvailable();
  const requested = parseMethod(param(sp.method));
  const method = requested === "sms" && !sms ? "password" : requested;
  const session = await getCurrentSession();
  const signUpHref = callbackUrl ? `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signup";

  return (
    <>
      <AuthHeading title="Sign in to Nerava" description="Drivers, merchants and the program team all sign in here." />
      <SignInNotices error={param(sp.error)} signedOut={param(sp.signedOut)} reset={param(sp.reset)} />
      {session ? (
        <Notice tone="info" className="mb-5">
          You are signed in as{" "}
          <span className="font-medium">{session.user.name ?? session.user.email ?? session.user.phone}</span>.{" "}
          <AuthLink href={callbackUrl ?? homeFor(session.user.role)}>Continue</AuthLink>, or sign in as someone else
          below.
        </Notice>
      ) : null}

      {googleEnabled() ? (
        <>
          <GoogleSignInButton callbackUrl={callbackUrl} />
          <div
            className="my-5 flex items-center gap-3 text-xs font-medium tracking-wide text-slate-500 uppercase"
            aria-hidden="true"
          >
            <span className="h-px flex-1 bg-slate-200" />
            or
            <span className="h-px flex-1 bg-slate-200" />
          </div>
        </>
      ) : null}

      <SignInMethods active={method} callbackUrl={callbackUrl} sms={sms} />
      {method === "password" ? <PasswordSignInForm callbackUrl={callbackUrl} forgotHref="/forgot-password" /> : null}
      {method === "email" ? <EmailLinkForm /> : null}
      {method === "sms" ? <SmsSignInForm callbackUrl={callbackUrl} /> : null}

      <p className="mt-6 text-center text-sm text-slate-600">
        New to Nerava? <AuthLink href={signUpHref}>Create an account</AuthLink>
      </p>
      {process.env.NODE_ENV !== "production" ? <DemoAccountsHint /> : null}
    </>
  );
}
