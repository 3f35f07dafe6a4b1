import { lazy, Suspense, useEffect, useState } from 'react';
import { Loading } from '@/components/States';
import { AuthPage } from '@/features/auth';
import { navigate, useRoute } from '@/lib/router';
import { loadSession, useSession } from '@/lib/session';
import { ErrorHost } from './ErrorHost';
import ProjectsRoute from './routes/ProjectsRoute';
import { ShortcutsDialog } from './ShortcutsDialog';

// The workbench (chat, tabs, terminals) is its own chunk: the sign-in and project screens
// never wait for it.
const WorkbenchRoute = lazy(() => import('./routes/WorkbenchRoute'));

export function App() {
  const session = useSession();
  const route = useRoute();
  const [shortcuts, setShortcuts] = useState(false);

  useEffect(() => {
    void loadSession();
  }, []);

  // Signed-out users land on sign-in (keeping the page they asked for); signed-in users never see it.
  useEffect(() => {
    if (session.status === 'signed-out' && route.name !== 'signin' && route.name !== 'signup') {
      sessionStorage.setItem('bf.next', location.pathname);
      navigate({ name: 'signin' }, { replace: true });
    }
    if (session.status === 'signed-in' && (route.name === 'signin' || route.name === 'signup')) {
      const next = sessionStorage.getItem('bf.next');
      sessionStorage.removeItem('bf.next');
      navigate(next && next !== '/signin' && next !== '/signup' ? next : '/', { replace: true });
    }
  }, [session.status, route.name]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if (e.key === '?' && !typing && session.status === 'signed-in') {
        e.preventDefault();
        setShortcuts(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session.status]);

  let body;
  if (session.status === 'loading') body = <Loading label="Starting BackendForge…" className="h-full" />;
  else if (session.status === 'signed-out' || route.name === 'signin' || route.name === 'signup')
    body = <AuthPage mode={route.name === 'signup' ? 'signup' : 'signin'} onSwitch={(m) => navigate({ name: m }, { replace: true })} notice={session.status === 'signed-out' ? session.reason : undefined} />;
  else if (route.name === 'project')
    body = (
      <Suspense fallback={<Loading label="Opening the project…" className="h-full" />}>
        <WorkbenchRoute key={route.projectId} projectId={route.projectId} tab={route.tab} onShortcuts={() => setShortcuts(true)} />
      </Suspense>
    );
  else body = <ProjectsRoute me={session.me} workspaceId={route.workspaceId} onShortcuts={() => setShortcuts(true)} />;

  return (
    <>
      {body}
      <ErrorHost />
      <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} />
    </>
  );
}
