import { AppHeader } from '@/components/AppHeader';
import { ProjectsPage } from '@/features/projects';
import type { Me } from '@/lib/api-types';
import { navigate } from '@/lib/router';

export default function ProjectsRoute({ me, workspaceId, onShortcuts }: { me: Me; workspaceId: string | undefined; onShortcuts: () => void }) {
  const workspaces = me.workspaces ?? [];
  const wid = workspaceId && workspaces.some((w) => w.id === workspaceId) ? workspaceId : (workspaces.find((w) => w.personal) ?? workspaces[0])?.id;
  return (
    <div className="flex h-full flex-col">
      <AppHeader onHome={() => navigate({ name: 'projects' })} onShortcuts={onShortcuts} />
      <div className="min-h-0 flex-1 overflow-y-auto bg-zinc-50/60 dark:bg-zinc-950">
        {wid ? (
          <ProjectsPage workspaces={workspaces} workspaceId={wid} onSelectWorkspace={(id) => navigate({ name: 'projects', workspaceId: id })} onOpenProject={(p) => navigate({ name: 'project', projectId: p.id, tab: 'plan' })} />
        ) : (
          <p className="p-8 text-center muted">You belong to no workspace.</p>
        )}
      </div>
    </div>
  );
}
