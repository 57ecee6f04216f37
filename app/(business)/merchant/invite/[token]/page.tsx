import type { Metadata } from "next";
import { getCurrentSession } from "@/lib/auth";
import { findInvite } from "@/lib/merchants";
import { AuthHeading } from "@/components/auth/auth-frame";
import { AuthLink } from "@/components/auth/auth-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AcceptInviteButton, AcceptInviteWithAccountForm } from "@/components/merchant/accept-invite-form";
import { Notice } from "@/components/ui/notice";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a team", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  if (!invite || invite.state !== "open") {
    const why = !invite
      ? "This invitation link is not valid. Check that you opened the whole link from the email."
      : invite.state === "expired"
        ? "This invitation has expired (they last 7 days)."
        : "This invitation was already used or was revoked.";
    return (
      <>
        <AuthHeading title="Invitation unavailable" />
        <Notice tone="warning">{why} Ask an owner of the business to send you a new one.</Notice>
      </>
    );
  }
  const as = invite.role === "OWNER" ? "an owner" : "staff";
  const heading = (
    <AuthHeading title={`Join ${invite.merchantName}`} description={`You are invited as ${as}, for ${invite.email}.`} />
  );
  const session = await getCurrentSession();
  if (!session) {
    const back = encodeURIComponent(`/merchant/invite/${token}`);
    return (
      <>
        {heading}
        <AcceptInviteWithAccountForm token={token} email={invite.email} />
        <p className="mt-6 text-center text-sm text-slate-600">
          Already have an account for {invite.email}? <AuthLink href={`/signin?callbackUrl=${back}`}>Sign in</AuthLink>
        </p>
      </>
    );
  }
  if (session.user.email?.toLowerCase() !== invite.email) {
    return (
      <>
        {heading}
        <Notice tone="warning">
          You are signed in as {session.user.email ?? "another account"}. Sign out, then open this link again and sign
          in or sign up with {invite.email}.
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
      <AcceptInviteButton token={token} merchantName={invite.merchantName} />
    </>
  );
}
