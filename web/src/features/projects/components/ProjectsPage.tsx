import { useState } from 'react';
import { Database, FolderPlus, Layers, Plus } from 'lucide-react';
import { Badge } from '@/components/Badge';
import { Empty, ErrorState, Skeleton } from '@/components/States';
import type { Project, Workspace } from '@/lib/api-types';
import { useResource } from '@/lib/resource';
import { listProjects } from '../api/projects';
import { NewProjectDialog } from './NewProjectDialog';
import { STATUS_TONE } from './status';

export interface ProjectsPageProps {
  workspaces: Workspace[];
  workspaceId: string;
  onSelectWorkspace: (id: string) => void;
  onOpenProject: (p: Project) => void;
}

function relative(iso?: string | null): string {
  if (!iso) return '';
  const s = (Date.now() - Date.parse(iso)) / 1000;
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

export function ProjectsPage({ workspaces, workspaceId, onSelectWorkspace, onOpenProject }: ProjectsPageProps) {
  const [creating, setCreating] = useState(false);
  const projects = useResource(`projects:${workspaceId}`, () => listProjects(workspaceId));
  const ws = workspaces.find((w) => w.id === workspaceId);
  const canCreate = ws?.role !== 'viewer';

  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight">Projects</h1>
          <div className="mt-2 flex items-center gap-2">
            <label htmlFor="workspace" className="text-sm muted">Workspace</label>
            <select id="workspace" className="input h-8 w-auto max-w-60 py-0 pr-8" value={workspaceId} onChange={(e) => onSelectWorkspace(e.target.value)}>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>{w.name}{w.personal ? ' (personal)' : ''}</option>
              ))}
            </select>
          </div>
        </div>
        {canCreate && (
          <button type="button" className="btn btn-primary" data-testid="new-project-button" onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden /> New project
          </button>
        )}
      </div>

      <section className="mt-6" aria-label="Projects" aria-busy={projects.loading}>
        {projects.error !== undefined && !projects.data ? (
          <ErrorState error={projects.error} onRetry={projects.reload} />
        ) : !projects.data ? (
          <Skeleton lines={3} />
        ) : projects.data.length === 0 ? (
          <div className="card">
            <Empty
              icon={<FolderPlus className="size-8" />}
              title="No projects yet"
              action={canCreate ? <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}><Plus className="size-4" aria-hidden /> Create your first project</button> : undefined}
            >
              Describe a backend in plain language; BackendForge plans it, writes the tests first and generates code that passes them.
            </Empty>
          </div>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {projects.data.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  data-testid="project-list-item"
                  onClick={() => onOpenProject(p)}
                  className="card group flex h-full w-full flex-col gap-3 p-4 text-left transition hover:border-brand-400 hover:shadow-md dark:hover:border-brand-500"
                >
                  <div className="flex w-full items-start justify-between gap-2">
                    <span className="truncate font-semibold group-hover:text-brand-700 dark:group-hover:text-brand-300">{p.name}</span>
                    <Badge tone={STATUS_TONE[p.status]}>{p.status}</Badge>
                  </div>
                  <p className="line-clamp-2 min-h-10 text-sm muted">{p.description || 'No description yet.'}</p>
                  <div className="mt-auto flex flex-wrap items-center gap-2 text-xs muted">
                    {p.stack && <span className="inline-flex items-center gap-1"><Layers className="size-3.5" aria-hidden />{p.stack}</span>}
                    {p.database && <span className="inline-flex items-center gap-1"><Database className="size-3.5" aria-hidden />{p.database}</span>}
                    <span className="ml-auto">spec v{p.specVersion} · {relative(p.updatedAt)}</span>
                  </div>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewProjectDialog
        open={creating}
        onClose={() => setCreating(false)}
        workspaceId={workspaceId}
        onCreated={(p) => {
          setCreating(false);
          projects.reload();
          onOpenProject(p);
        }}
      />
    </div>
  );
}
