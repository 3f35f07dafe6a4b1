import { useState, type ReactNode } from 'react';
import { Keyboard, LogOut, Moon, Sun } from 'lucide-react';
import { useSession, signOut } from '@/lib/session';
import { toggleTheme, useDarkTheme } from '@/lib/theme';
import { useConnectionState } from '@/lib/live';

/** The top bar: brand, page content (children), theme, shortcuts, account. */
export function AppHeader({ children, onHome, onShortcuts }: { children?: ReactNode; onHome: () => void; onShortcuts: () => void }) {
  const dark = useDarkTheme();
  const session = useSession();
  const conn = useConnectionState();
  const [menu, setMenu] = useState(false);
  const me = session.status === 'signed-in' ? session.me : null;
  return (
    <header className="flex h-12 shrink-0 items-center gap-2 border-b border-zinc-200 bg-white px-2 sm:px-3 dark:border-zinc-800 dark:bg-zinc-950">
      <a href="/" onClick={(e) => { e.preventDefault(); onHome(); }} className="flex shrink-0 items-center gap-2 rounded-md px-1 py-1 font-semibold" aria-label="BackendForge: all projects">
        <img src="/favicon.svg" alt="" className="size-6" />
        <span className="hidden text-[15px] sm:inline">BackendForge</span>
      </a>
      <div className="flex min-w-0 flex-1 items-center gap-2">{children}</div>
      <span className={`hidden size-2 shrink-0 rounded-full sm:block ${conn === 'open' ? 'bg-emerald-500' : conn === 'connecting' ? 'animate-pulse bg-amber-500' : 'bg-zinc-400'}`} title={conn === 'open' ? 'Live updates connected' : conn === 'connecting' ? 'Connecting live updates…' : 'Live updates offline: reconnecting'} role="img" aria-label={`Live updates ${conn}`} data-testid="connection-state" data-state={conn} />
      <button type="button" className="btn btn-ghost btn-icon hidden sm:inline-flex" aria-label="Keyboard shortcuts (?)" data-tip="Shortcuts (?)" data-tip-side="left" onClick={onShortcuts}>
        <Keyboard className="size-4" aria-hidden />
      </button>
      <button type="button" className="btn btn-ghost btn-icon" aria-label={dark ? 'Switch to the light theme' : 'Switch to the dark theme'} data-tip={dark ? 'Light theme' : 'Dark theme'} data-tip-side="left" data-testid="theme-toggle" onClick={toggleTheme}>
        {dark ? <Sun className="size-4" aria-hidden /> : <Moon className="size-4" aria-hidden />}
      </button>
      {me && (
        <div className="relative">
          <button type="button" className="flex size-8 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white" aria-haspopup="menu" aria-expanded={menu} aria-label={`Account: ${me.name}`} onClick={() => setMenu(!menu)} data-testid="account-button">
            {me.name.slice(0, 1).toUpperCase()}
          </button>
          {menu && (
            <div role="menu" className="absolute right-0 z-40 mt-1 w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-xl dark:border-zinc-800 dark:bg-zinc-900" onMouseLeave={() => setMenu(false)}>
              <div className="px-2.5 py-2">
                <p className="truncate text-sm font-medium">{me.name}</p>
                <p className="truncate text-xs muted">{me.email}</p>
              </div>
              <button role="menuitem" type="button" className="flex w-full items-center gap-2 rounded-md px-2.5 py-2 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800" onClick={() => void signOut()} data-testid="sign-out">
                <LogOut className="size-4" aria-hidden /> Sign out
              </button>
            </div>
          )}
        </div>
      )}
    </header>
  );
}
