import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-frame";
import { AuthLink } from "@/components/auth/auth-link";
import { Notice } from "@/components/ui/notice";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { param, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const token = param((await searchParams).token);
  if (!token) {
    return (
      <>
        <AuthHeading title="Choose a new password" />
        <Notice tone="warning">
          This page needs the link from your reset email, and that link is missing or incomplete.{" "}
          <AuthLink href="/forgot-password">Ask for a new reset link</AuthLink>.
        </Notice>
      </>
    );
  }
  return (
    <>
      <AuthHeading title="Choose a new password" description="After this, sign in again on each of your devices." />
      <ResetPasswordForm token={token} />
      <p className="mt-6 text-center text-sm text-slate-600">
        Link not working? <AuthLink href="/forgot-password">Ask for a new one</AuthLink>
      </p>
    </>
  );
}
