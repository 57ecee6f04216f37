import { actorOf, listSessions, type CurrentSession } from "@/lib/auth";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Card } from "@/components/ui/card";
import { SectionHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "./change-password-form";
import { ProfileCard } from "./profile-card";
import { SessionList } from "./session-list";
import { SignOutEverywhere } from "./sign-out-everywhere";

/**
 * The account page's body, shared by /account (merchants, admins) and /app/account (inside the
 * driver app). Server component: the caller has already checked the session's permission.
 */
export async function AccountPanel({ session }: { session: CurrentSession }) {
  const sessions = await listSessions(actorOf(session));
  return (
    <div className="space-y-10">
      <section aria-labelledby="profile-heading">
        <SectionHeader id="profile-heading" title="Profile" />
        <ProfileCard user={session.user} />
      </section>

      <section aria-labelledby="devices-heading">
        <SectionHeader
          id="devices-heading"
          title="Signed-in devices"
          description="Sign out anywhere you do not recognise, then change your password."
        />
        <SessionList sessions={sessions} currentSessionId={session.sessionId} />
      </section>

      <section aria-labelledby="password-heading">
        <SectionHeader id="password-heading" title="Password" description="Changing it signs out your other devices." />
        <Card>
          <ChangePasswordForm email={session.user.email} />
        </Card>
      </section>

      <section aria-labelledby="sign-out-heading">
        <SectionHeader id="sign-out-heading" title="Sign out" />
        <Card className="flex flex-wrap items-start gap-3">
          <SignOutButton label="Sign out" variant="secondary" size="md" />
          <SignOutEverywhere />
        </Card>
      </section>
    </div>
  );
}
