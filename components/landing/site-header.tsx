import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Logo href="/" />
        <nav aria-label="Site" className="ml-auto flex items-center gap-1 sm:gap-2">
          <a
            href="#drivers"
            className="hidden rounded-lg px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 sm:block"
          >
            Drivers
          </a>
          <a
            href="#merchants"
            className="hidden rounded-lg px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 sm:block"
          >
            Merchants
          </a>
          <ButtonLink href="/app" size="sm">
            Open the app
          </ButtonLink>
        </nav>
      </div>
    </header>
  );
}
