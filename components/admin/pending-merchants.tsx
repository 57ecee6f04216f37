import type { PendingMerchant } from "@/lib/merchants";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { MerchantReviewForm } from "./merchant-review-form";

/** Businesses waiting for review, each with what it told us and the approve / reject controls. */
export function PendingMerchants({ merchants }: { merchants: PendingMerchant[] }) {
  return (
    <section aria-labelledby="pending-heading" className="mb-10">
      <h2 id="pending-heading" className="mb-3 text-lg font-semibold text-slate-900">
        Waiting for review ({merchants.length})
      </h2>
      <ul className="grid gap-4 lg:grid-cols-2">
        {merchants.map((m) => (
          <li key={m.id}>
            <Card padded className="space-y-3">
              <div>
                <h3 className="font-semibold text-slate-900">{m.name}</h3>
                <p className="text-sm text-slate-600">
                  {m.category} · {m.address} · {m.latitude.toFixed(4)}, {m.longitude.toFixed(4)}
                </p>
                <p className="text-sm text-slate-600">
                  {[m.contactPhone, m.contactEmail, "signed up"].filter(Boolean).join(" · ")}{" "}
                  <time dateTime={m.createdAt.toISOString()}>{formatDate(m.createdAt)}</time>
                </p>
              </div>
              <MerchantReviewForm merchantId={m.id} name={m.name} />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
