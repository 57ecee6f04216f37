import type { Metadata } from "next";
import { AuthFrame, AuthHeading } from "@/components/auth/auth-frame";
import { AuthLink } from "@/components/auth/auth-link";
import { MagicLinkForm } from "@/components/auth/magic-link-form";
import { Notice } from "@/components/ui/notice";
import { param, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = {
  title: "Sign in with your link",
  referrer: "no-referrer",
  robots: { index: false },
};

// Rendering this page changes nothing: only the button's POST spends the link.
export default async function MagicLinkPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const email = param(sp.email);
  const token = param(sp.token);

  if (!email || !token) {
    return (
      <AuthFrame>
        <AuthHeading title="This sign-in link is incomplete" />
        <Notice tone="warning">
          Open the link straight from the email, or{" "}
          <AuthLink href="/signin?method=email">send yourself a new one</AuthLink>.
        </Notice>
      </AuthFrame>
    );
  }

  return (
    <AuthFrame>
      <AuthHeading
        title="Sign in to Nerava"
        description={
          <>
            Sign in as <span className="font-medium break-all text-slate-900">{email}</span>?
          </>
        }
      />
      <MagicLinkForm email={email} token={token} />
      <p className="mt-6 text-center text-sm text-slate-600">
        Not you? <AuthLink href="/signin">Use another account</AuthLink>
      </p>
    </AuthFrame>
  );
}
