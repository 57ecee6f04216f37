"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { consumeLinkAction } from "@/lib/actions/auth/consume-link";
import { formError } from "./action-state";
import { AuthLink } from "./auth-link";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";

/**
 * Signing in takes a click (a POST), never the link's GET: mail scanners open links, and a
 * single-use link they opened would be spent before the person arrives.
 */
export function MagicLinkForm({ email, token }: { email: string; token: string }) {
  const [state, formAction, pending] = useFormAction(consumeLinkAction, null);
  const failed = state && !state.ok;
  return (
    <form action={formAction} className="space-y-4">
      <FormAlert message={formError(state)}>
        {failed ? (
          <p className="mt-1">
            <AuthLink href="/signin?method=email">Send a new link</AuthLink>
          </p>
        ) : null}
      </FormAlert>
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Signing in…" size="lg" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
