"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { removeMemberAction, revokeInviteAction } from "@/lib/actions/merchant/manage-team";
import { buttonError } from "@/components/auth/action-state";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";

type Props =
  | { kind: "remove"; merchantId: string; memberId: string; who: string }
  | { kind: "revoke"; merchantId: string; inviteId: string; who: string };

/** Remove a member or revoke an invitation, after a confirm step that names who. */
export function TeamRowAction(props: Props) {
  const remove = props.kind === "remove";
  const [state, formAction, pending] = useFormAction(remove ? removeMemberAction : revokeInviteAction, null);
  const { open, ask, close, triggerRef } = useConfirmStep();
  if (!open) {
    return (
      <Button ref={triggerRef} size="sm" variant="secondary" onClick={ask}>
        {remove ? "Remove…" : "Revoke…"}
      </Button>
    );
  }
  return (
    <form action={formAction}>
      <input type="hidden" name="merchantId" value={props.merchantId} />
      {props.kind === "remove" ? (
        <input type="hidden" name="memberId" value={props.memberId} />
      ) : (
        <input type="hidden" name="inviteId" value={props.inviteId} />
      )}
      <ConfirmBox
        size="sm"
        question={
          remove
            ? `Remove ${props.who} from the team? They lose access at once.`
            : `Revoke the invitation to ${props.who}? The link stops working.`
        }
        confirmLabel={remove ? "Remove" : "Revoke"}
        pendingLabel={remove ? "Removing…" : "Revoking…"}
        pending={pending}
        onCancel={close}
        error={buttonError(state)}
      />
    </form>
  );
}
