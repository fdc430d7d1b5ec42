import Link from "next/link";
import { signOutAction } from "@/app/_lib/sign-out-action";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLinks, type NavItem } from "./nav-links";

/** Sidebar + top bar shared by the admin and the portal. */
export function AppShell(props: {
  area: string;
  nav: NavItem[];
  userName: string;
  signOutLabel: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 border-r border-slate-200 bg-white md:block">
        <div className="px-5 py-5">
          <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
            Rede
          </Link>
          <div className="mt-0.5 text-xs uppercase tracking-wide text-slate-500">{props.area}</div>
        </div>
        <NavLinks items={props.nav} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
          <nav className="flex gap-3 md:hidden" aria-label={props.area}>
            {props.nav.map((item) => (
              <Link key={item.href} href={item.href} className="text-sm text-slate-700">
                {item.label}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-5">
            <LocaleSwitcher />
            <span className="text-sm text-slate-700" data-testid="current-user">
              {props.userName}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="text-sm text-slate-600 hover:text-slate-900 hover:underline">
                {props.signOutLabel}
              </button>
            </form>
          </div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">{props.children}</main>
      </div>
    </div>
  );
}
