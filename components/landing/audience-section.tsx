import { CircleCheckIcon } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";

type AudienceSectionProps = {
  id: string;
  eyebrow: string;
  title: string;
  points: string[];
  cta: { href: string; label: string };
  aside?: ReactNode;
};

/** One audience (drivers, merchants): what they get and where to go. */
export function AudienceSection({ id, eyebrow, title, points, cta, aside }: AudienceSectionProps) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className="rounded-3xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
    >
      <p className="text-sm font-semibold text-brand-700">{eyebrow}</p>
      <h2 id={`${id}-heading`} className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">
        {title}
      </h2>
      <ul className="mt-5 space-y-3">
        {points.map((point) => (
          <li key={point} className="flex gap-3 text-slate-700">
            <CircleCheckIcon className="mt-0.5 size-5 shrink-0 text-brand-600" />
            <span>{point}</span>
          </li>
        ))}
      </ul>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <ButtonLink href={cta.href}>{cta.label}</ButtonLink>
        {aside}
      </div>
    </section>
  );
}
