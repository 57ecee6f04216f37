import type { Metadata } from "next";
import { getCurrentSession } from "@/lib/auth";
import { MERCHANT_CATEGORIES } from "@/lib/merchants";
import { AuthHeading } from "@/components/auth/auth-frame";
import { AuthLink } from "@/components/auth/auth-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { BusinessSignUpForm } from "@/components/merchant/business-sign-up-form";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign up your business" };

export default async function BusinessSignUpPage() {
  const session = await getCurrentSession();
  const role = session?.user.role;
  const heading = (
    <AuthHeading
      title="Sign up your business"
      description="Drivers charging nearby see your offers and pay with Nova. We review every business before it goes live, usually within two working days."
    />
  );
  if (role === "DRIVER" || role === "ADMIN") {
    return (
      <>
        {heading}
        <Notice tone="warning">
          You are signed in with a {role === "DRIVER" ? "driver" : "admin"} account. A business needs its own account:
          sign out, then sign up your business with a separate email address.
        </Notice>
        <div className="mt-4">
          <SignOutButton />
        </div>
      </>
    );
  }
  return (
    <>
      {heading}
      {role === "MERCHANT" ? (
        <p className="mb-4 text-sm text-slate-600">This business is added to your account, {session?.user.email}.</p>
      ) : null}
      <BusinessSignUpForm withAccount={!role} categories={MERCHANT_CATEGORIES} />
      {!role ? (
        <p className="mt-6 text-center text-sm text-slate-600">
          Already have a business account? <AuthLink href="/signin?callbackUrl=%2Fmerchant%2Fsignup">Sign in</AuthLink>
        </p>
      ) : null}
    </>
  );
}
