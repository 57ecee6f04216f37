import type { Metadata } from "next";
import { smsSignInAvailable } from "@/lib/auth";
import { safeRedirectPath } from "@/lib/validation";
import { AuthHeading } from "@/components/auth/auth-frame";
import { AuthLink } from "@/components/auth/auth-link";
import { param, type SearchParams } from "@/components/auth/search-params";
import { signInHref } from "@/components/auth/sign-in-methods";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeRedirectPath(param((await searchParams).callbackUrl)) ?? undefined;
  return (
    <>
      <AuthHeading title="Create your account" description="Earn Nova every time you charge beside a Nerava partner." />
      <SignUpForm callbackUrl={callbackUrl} />
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account? <AuthLink href={signInHref("password", callbackUrl)}>Sign in</AuthLink>
      </p>
      <p className="mt-2 text-center text-sm text-slate-600">
        Rather not have a password? Sign in with an{" "}
        <AuthLink href={signInHref("email", callbackUrl)}>email link</AuthLink>
        {smsSignInAvailable() ? (
          <>
            {" "}
            or a <AuthLink href={signInHref("sms", callbackUrl)}>text message</AuthLink>
          </>
        ) : null}
        : your account is created the first time.
      </p>
    </>
  );
}
