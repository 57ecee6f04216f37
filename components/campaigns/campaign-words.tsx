import type { CampaignWords } from "@/lib/campaigns";

/** A version's rules in words: trigger, conditions, limits, effects. */
export function CampaignWordsList({ words }: { words: CampaignWords }) {
  const rows: [string, string[]][] = [
    ["When", [words.when]],
    ["Conditions", words.conditions],
    ["Limits", words.limits],
    ["Gives", words.effects],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_1fr]">
      {rows.map(([term, lines]) => (
        <div key={term} className="contents">
          <dt className="font-semibold text-slate-500">{term}</dt>
          <dd className="text-slate-800">
            <ul className="space-y-0.5">
              {lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
    </dl>
  );
}
