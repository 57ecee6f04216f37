import { CarIcon, HouseIcon, UserIcon, WalletIcon, ZapIcon } from "lucide-react";
import { NavLink } from "@/components/ui/nav-link";

const tabs = [
  { href: "/app", label: "Home", icon: HouseIcon, exact: true },
  { href: "/app/charge", label: "Charge", icon: ZapIcon, exact: false },
  { href: "/app/wallet", label: "Wallet", icon: WalletIcon, exact: false },
  { href: "/app/car", label: "Car", icon: CarIcon, exact: false },
  { href: "/app/account", label: "Account", icon: UserIcon, exact: false },
];

/**
 * The driver's main navigation: a tab bar fixed to the bottom of a phone screen (clear of the
 * home indicator), a row of tabs under the top bar on wider screens.
 */
export function DriverTabBar() {
  return (
    <nav
      aria-label="Driver app"
      className="fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:sticky md:top-14 md:bottom-auto md:border-t-0 md:border-b md:pb-0"
    >
      <ul className="mx-auto flex max-w-2xl md:gap-1 md:px-4 md:py-2">
        {tabs.map(({ href, label, icon: Icon, exact }) => (
          <li key={href} className="flex-1 md:flex-none">
            <NavLink
              href={href}
              exact={exact}
              className="group flex flex-col items-center gap-1 py-2 text-xs font-medium text-slate-500 hover:text-slate-900 aria-[current=page]:text-brand-700 md:flex-row md:gap-2 md:rounded-lg md:px-3 md:text-sm md:aria-[current=page]:bg-brand-50"
            >
              <Icon className="size-6 md:size-5" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
