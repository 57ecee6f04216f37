import Link from "next/link";

const links = [
  { href: "/app", label: "Driver app" },
  { href: "/merchant", label: "Merchant dashboard" },
  { href: "/admin", label: "Admin console" },
];

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Nerava · rewards for EV charging near partner merchants</p>
        <nav aria-label="Surfaces">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="hover:text-slate-900">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
