import type { CampaignWords } from "@/lib/campaigns";
import { formatCount, formatDateTime, formatUsd } from "@/components/ui/format";
import { CampaignWordsList } from "./campaign-words";

export type VersionView = {
  version: number;
  createdAt: Date;
  words: CampaignWords;
  paid: { awards: number; nova: number; cents: number };
};

/** Every version, newest first, with what each paid (a revision never changes what an earlier one paid). */
export function VersionsList({ versions, current }: { versions: VersionView[]; current: number }) {
  return (
    <ol className="space-y-2">
      {versions.map((v) => (
        <li key={v.version}>
          <details className="group rounded-xl border border-slate-200 bg-white" open={v.version === current}>
            <summary className="flex cursor-pointer flex-wrap items-baseline justify-between gap-x-3 gap-y-1 px-4 py-3 text-sm">
              <span className="font-semibold text-slate-900">
                Version {v.version}
                {v.version === current ? <span className="font-normal text-slate-500"> (current)</span> : null}
              </span>
              <span className="text-slate-600">
                {formatDateTime(v.createdAt)} · paid {formatCount(v.paid.awards)} ({formatCount(v.paid.nova)} Nova,{" "}
                {formatUsd(v.paid.cents)})
              </span>
            </summary>
            <div className="border-t border-slate-100 px-4 py-3">
              <CampaignWordsList words={v.words} />
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
