import { lazy, Suspense, useMemo } from 'react';
import { AtSign, Radio, ScrollText } from 'lucide-react';
import { MethodBadge } from '@/components/Badge';
import { Empty, ErrorState, Loading, Skeleton } from '@/components/States';
import { assignToChat } from '@/lib/bus';
import { operations, useProject, useProjectOpenApi } from '@/lib/project';
import { usePreview } from '@/lib/preview';

const SwaggerView = lazy(() => import('./SwaggerView'));

export function EndpointsTab({ projectId }: { projectId: string }) {
  const project = useProject(projectId);
  const version = project.data?.specVersion ?? 0;
  const doc = useProjectOpenApi(projectId, version);
  const preview = usePreview(projectId);
  const live = preview.state?.status === 'running' && Boolean(preview.state.url);

  // Against the live preview when it runs (requests go through the server's proxy), else the spec.
  const spec = useMemo(() => {
    if (!doc.data) return null;
    return live ? { ...doc.data, servers: [{ url: preview.state?.url ?? '/' }] } : doc.data;
  }, [doc.data, live, preview.state?.url]);
  const ops = useMemo(() => operations(doc.data), [doc.data]);

  if (version === 0 && project.data)
    return (
      <Empty icon={<ScrollText className="size-8" />} title="No endpoints yet">
        The REST API (OpenAPI 3.1) is derived from the spec once the backend is described in the chat.
      </Empty>
    );
  if (doc.error !== undefined && !doc.data) return <ErrorState error={doc.error} onRetry={doc.reload} />;
  if (!spec) return <Skeleton lines={8} />;

  return (
    <div className="flex h-full min-h-0 flex-col lg:flex-row">
      <aside className="max-h-48 shrink-0 overflow-y-auto border-b border-zinc-200 lg:max-h-none lg:w-72 lg:border-r lg:border-b-0 dark:border-zinc-800" aria-label="Endpoint list" tabIndex={0}>
        <div className="sticky top-0 flex items-center justify-between bg-white px-3 py-2 dark:bg-zinc-950">
          <h3 className="panel-title">{ops.length} endpoints</h3>
          <span className={`flex items-center gap-1 text-[11px] ${live ? 'text-emerald-700 dark:text-emerald-400' : 'muted'}`} data-testid="endpoints-mode" data-live={live}>
            <Radio className="size-3" aria-hidden /> {live ? 'live preview' : 'from the spec'}
          </span>
        </div>
        <ul className="pb-2">
          {ops.map((o) => (
            <li key={`${o.method} ${o.path}`} className="group flex items-center gap-2 px-3 py-1 hover:bg-zinc-50 dark:hover:bg-zinc-900">
              <MethodBadge method={o.method} />
              <span className="min-w-0 flex-1 truncate font-mono text-[11px]" title={o.op.summary ?? o.path}>{o.path}</span>
              <button type="button" className="rounded p-0.5 text-zinc-400 opacity-0 group-hover:opacity-100 hover:text-brand-600 focus-visible:opacity-100" aria-label={`Assign ${o.method} ${o.path} to chat`} data-tip="Assign to chat" data-tip-side="left" onClick={() => assignToChat.emit(`@endpoint ${o.method} ${o.path}`)}>
                <AtSign className="size-3.5" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="bf-swagger min-h-0 min-w-0 flex-1 overflow-y-auto" data-testid="swagger" data-live={live} tabIndex={0} role="region" aria-label="API documentation">
        {!live && (
          <p className="mx-4 mt-3 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-xs muted dark:border-zinc-800 dark:bg-zinc-900">
            {preview.available === false ? 'This server has no live preview yet: the document below is the spec, and “Try it out” is off.' : 'Start the preview to try the endpoints against the running backend.'}
          </p>
        )}
        <Suspense fallback={<Loading label="Loading the API explorer…" />}>
          <SwaggerView spec={spec} tryIt={live} />
        </Suspense>
      </div>
    </div>
  );
}
