import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-frame";
import { AuthLink } from "@/components/auth/auth-link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <AuthHeading
        title="Forgot your password?"
        description="Enter your account's email and we will send you a link to choose a new one."
      />
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        Remembered it? <AuthLink href="/signin">Back to sign in</AuthLink>
      </p>
    </>
  );
}
