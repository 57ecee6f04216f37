import { Notice } from "@/components/ui/notice";
import { ClearCachesOnMount } from "@/components/pwa/clear-caches-on-mount";

/** What the `error` next-auth (or our Google checks) put on /signin means, in plain words. */
export function signInErrorMessage(error: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error === "unverified")
    return "Google did not confirm that email address, so we cannot link it. Use another method.";
  if (error === "suspended") return "This account is suspended. Contact support@nerava.app for help.";
  return "Google sign-in did not complete. Try again.";
}

type SignInNoticesProps = { error?: string; signedOut?: string; reset?: string };

/** Feedback carried in the URL: a failed Google sign-in, a finished sign-out or password reset. */
export function SignInNotices({ error, signedOut, reset }: SignInNoticesProps) {
  const errorMessage = signInErrorMessage(error);
  const signedOutMessage =
    signedOut === "all" ? "You are signed out on every device." : signedOut === "1" ? "You are signed out." : undefined;
  const resetMessage = reset === "1" ? "Password changed. Sign in with your new password." : undefined;
  if (!errorMessage && !signedOutMessage && !resetMessage) return null;
  return (
    <div className="mb-5 space-y-2">
      {signedOutMessage ? <ClearCachesOnMount /> : null}
      {errorMessage ? <Notice tone="danger">{errorMessage}</Notice> : null}
      {resetMessage ? <Notice tone="success">{resetMessage}</Notice> : null}
      {signedOutMessage ? <Notice tone="info">{signedOutMessage}</Notice> : null}
    </div>
  );
}
