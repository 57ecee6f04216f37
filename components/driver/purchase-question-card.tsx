"use client";

import { ShoppingBagIcon } from "lucide-react";
import { buttonError } from "@/components/auth/action-state";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { useInvalidatingActionState } from "@/components/driver/queries/use-invalidation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { answerPurchaseAction } from "@/lib/actions/driver/answer-purchase";

type PurchaseQuestionCardProps = { rewardId: string; question: string; orderedAt: Date };

const OUTCOME: Record<string, string> = {
  PENDING: "Thanks! Your purchase reward is pending until the store's refund window closes.",
  WAITING_FUNDS: "Thanks! Your purchase reward is on its way as soon as the store tops up.",
  NOT_YOURS: "Thanks, noted: it is not yours.",
};

/** One open question about a purchase near the charger, with Yes / Not mine. */
export function PurchaseQuestionCard({ rewardId, question, orderedAt }: PurchaseQuestionCardProps) {
  const [state, formAction, pending] = useInvalidatingActionState(answerPurchaseAction, null, [
    driverQueryKeys.balances,
  ]);
  const error = buttonError(state);
  return (
    <Card as="li" aria-labelledby={`purchase-${rewardId}`}>
      <div className="flex items-start gap-3">
        <ShoppingBagIcon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-600" />
        <div className="min-w-0 flex-1">
          <p id={`purchase-${rewardId}`} className="font-medium break-words text-slate-900">
            {question}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            Bought <time dateTime={orderedAt.toISOString()}>{formatDateTime(orderedAt)}</time> while you were charging
            nearby.
          </p>
        </div>
      </div>
      {state?.ok ? (
        <p role="status" className="mt-3 text-sm font-medium text-slate-700">
          {OUTCOME[state.data.status] ?? "Thanks, your answer is saved."}
        </p>
      ) : (
        <form action={formAction} className="mt-3">
          <input type="hidden" name="rewardId" value={rewardId} />
          <div className="grid grid-cols-2 gap-2">
            <Button type="submit" name="answer" value="yes" disabled={pending}>
              {pending ? "Saving…" : "Yes, mine"}
            </Button>
            <Button type="submit" name="answer" value="no" variant="secondary" disabled={pending}>
              Not mine
            </Button>
          </div>
          {error ? (
            <p role="alert" className="mt-2 text-sm text-rose-700">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </Card>
  );
}
