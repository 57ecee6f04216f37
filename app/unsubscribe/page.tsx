import type { Metadata } from "next";
import { AuthFrame, AuthHeading } from "@/components/auth/auth-frame";
import { param, type SearchParams } from "@/components/auth/search-params";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { Notice } from "@/components/ui/notice";

export const metadata: Metadata = {
  title: "Unsubscribe",
  referrer: "no-referrer",
  robots: { index: false },
};

// Opening the link changes nothing; the button does (signed in or not).
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const token = param((await searchParams).token);
  return (
    <AuthFrame>
      <AuthHeading
        title="Stop emails about campaigns and events"
        description="You will still see them in the app. Sign-in links, receipts and cash-out emails are not affected."
      />
      {token ? (
        <UnsubscribeForm token={token} />
      ) : (
        <Notice tone="warning">This link is incomplete. Open it straight from the email.</Notice>
      )}
    </AuthFrame>
  );
}
