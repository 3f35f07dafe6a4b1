// The URL is the app's state: /signin, /signup, / (projects), /w/<workspace>,
// /p/<project>/<tab>. A reload or a shared link opens the same view.
import { useSyncExternalStore } from 'react';

export const TABS = ['plan', 'system-diagram', 'services', 'endpoints', 'tests', 'db-data', 'docs', 'files'] as const;
export type TabId = (typeof TABS)[number];

export type Route =
  | { name: 'signin' }
  | { name: 'signup' }
  | { name: 'projects'; workspaceId?: string }
  | { name: 'project'; projectId: string; tab: TabId };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'signin') return { name: 'signin' };
  if (parts[0] === 'signup') return { name: 'signup' };
  if (parts[0] === 'w' && parts[1]) return { name: 'projects', workspaceId: parts[1] };
  if (parts[0] === 'p' && parts[1]) {
    const tab = (TABS as readonly string[]).includes(parts[2] ?? '') ? (parts[2] as TabId) : 'plan';
    return { name: 'project', projectId: parts[1], tab };
  }
  return { name: 'projects' };
}

export function routePath(r: Route): string {
  switch (r.name) {
    case 'signin':
      return '/signin';
    case 'signup':
      return '/signup';
    case 'projects':
      return r.workspaceId ? `/w/${encodeURIComponent(r.workspaceId)}` : '/';
    case 'project':
      return `/p/${encodeURIComponent(r.projectId)}/${r.tab}`;
  }
}

const listeners = new Set<() => void>();
let current = typeof location === 'undefined' ? '/' : location.pathname;

function update(): void {
  current = location.pathname;
  listeners.forEach((l) => l());
}
if (typeof window !== 'undefined') window.addEventListener('popstate', update);

export function navigate(r: Route | string, opts: { replace?: boolean } = {}): void {
  const path = typeof r === 'string' ? r : routePath(r);
  if (path === location.pathname) return;
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  update();
}

export function useRoute(): Route {
  const path = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => current,
  );
  return parseRoute(path);
}
