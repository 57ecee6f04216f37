"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { signOutAction } from "@/lib/actions/account/sign-out";
import { clearRuntimeCaches } from "@/lib/pwa";
import { SubmitButton } from "@/components/ui/form-controls";

type SignOutButtonProps = {
  label?: string;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md" | "lg";
  className?: string;
  formClassName?: string;
};

/**
 * Ends this device's session (the server clears the cookie and redirects to /signin) and empties
 * the service worker's runtime caches on the way out.
 */
export function SignOutButton({
  label = "Sign out",
  variant = "ghost",
  size = "sm",
  className,
  formClassName = "inline-flex flex-col",
}: SignOutButtonProps) {
  const [state, formAction, pending] = useFormAction(signOutAction, null);
  return (
    <form action={formAction} onSubmit={() => void clearRuntimeCaches()} className={formClassName}>
      <SubmitButton pending={pending} pendingLabel="Signing out…" variant={variant} size={size} className={className}>
        {label}
      </SubmitButton>
      {state && !state.ok ? (
        <span role="alert" className="mt-1 text-xs text-rose-700">
          {state.error.message}
        </span>
      ) : null}
    </form>
  );
}
