import { useMemo, useState } from 'react';
import { BookOpen, ChevronRight, History, Search } from 'lucide-react';
import { Markdown } from '@/components/Markdown';
import { Empty, ErrorState, Skeleton } from '@/components/States';
import type { DocEntry } from '@/lib/api-types';
import { projectKey } from '@/lib/project';
import { useResource } from '@/lib/resource';
import { docHistory, getDoc, lineDiff, listDocs, sections } from '../api/docs';
import { DiffView } from './DiffView';

function HistoryPanel({ projectId, path }: { projectId: string; path: string }) {
  const versions = useResource<DocEntry[]>(projectKey(projectId, `docs:history:${path}`), () => docHistory(projectId, path));
  const [pick, setPick] = useState(0);
  if (versions.error !== undefined && !versions.data) return <ErrorState error={versions.error} onRetry={versions.reload} />;
  if (!versions.data) return <Skeleton lines={3} />;
  const list = versions.data;
  const cur = list[pick];
  const prev = list[pick + 1];
  return (
    <div className="grid gap-4 md:grid-cols-[12rem_1fr]" data-testid="doc-history">
      <ol className="space-y-1" aria-label="Versions">
        {list.map((v, i) => (
          <li key={v.version}>
            <button type="button" aria-pressed={i === pick} onClick={() => setPick(i)} data-testid="doc-version" className={`w-full rounded-md px-2 py-1.5 text-left text-xs ${i === pick ? 'bg-brand-50 font-medium text-brand-800 dark:bg-brand-900/40 dark:text-brand-200' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}>
              v{v.version}
              <span className="block muted">{v.updatedAt ? new Date(v.updatedAt).toLocaleString() : ''}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="min-w-0">
        <p className="mb-2 text-xs muted">{prev ? `Changes from v${prev.version} to v${cur?.version}` : `v${cur?.version}: first version`}</p>
        <DiffView lines={lineDiff(prev?.content ?? '', cur?.content ?? '')} />
      </div>
    </div>
  );
}

export function DocsTab({ projectId }: { projectId: string }) {
  const docs = useResource<DocEntry[]>(projectKey(projectId, 'docs'), () => listDocs(projectId));
  const [active, setActive] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const doc = docs.data?.find((d) => d.path === active) ?? docs.data?.[0];

  const q = query.trim().toLowerCase();
  const matches = useMemo(() => {
    const m = new Map<string, number>();
    for (const d of docs.data ?? []) m.set(d.path ?? '', q && d.content !== undefined ? sections(d.content).filter((s) => `${s.title}\n${s.body}`.toLowerCase().includes(q)).length : -1);
    return m;
  }, [docs.data, q]);
  // The list may leave the text out: then read the open document by itself.
  const full = useResource<DocEntry>(doc?.path && doc.content === undefined ? projectKey(projectId, `docs:${doc.path}:v${doc.version ?? 0}`) : null, () => getDoc(projectId, doc?.path ?? ''));
  const content = doc?.content ?? full.data?.content;
  const shown = useMemo(() => {
    const all = sections(content ?? '');
    return q ? all.filter((s) => `${s.title}\n${s.body}`.toLowerCase().includes(q)) : all;
  }, [content, q]);

  if (docs.error !== undefined && !docs.data) return <ErrorState error={docs.error} onRetry={docs.reload} />;
  if (!docs.data) return <Skeleton lines={6} />;
  if (docs.data.length === 0)
    return (
      <Empty icon={<BookOpen className="size-8" />} title="No documentation yet">
        The project's living docs (change history, the test-first record) are written as you chat and generate.
      </Empty>
    );

  return (
    <div className="flex h-full min-h-0 flex-col md:flex-row">
      <aside className="shrink-0 border-b border-zinc-200 p-3 md:w-60 md:border-r md:border-b-0 dark:border-zinc-800" aria-label="Documents">
        <div className="relative">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-zinc-400" aria-hidden />
          <input type="search" aria-label="Search the docs" data-testid="docs-search" placeholder="Search docs…" className="input pl-8" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <ul className="mt-3 flex gap-1 overflow-x-auto md:flex-col" data-testid="docs-list">
          {docs.data.map((d) => {
            const n = matches.get(d.path ?? '') ?? -1;
            return (
              <li key={d.path}>
                <button type="button" aria-current={d.path === doc?.path ? 'page' : undefined} onClick={() => { setActive(d.path ?? null); setShowHistory(false); }} className={`flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-[13px] whitespace-nowrap ${d.path === doc?.path ? 'bg-zinc-100 font-medium dark:bg-zinc-800' : 'hover:bg-zinc-50 dark:hover:bg-zinc-900'} ${n === 0 ? 'opacity-50' : ''}`}>
                  <BookOpen className="size-3.5 shrink-0 muted" aria-hidden />
                  <span className="truncate">{d.path}</span>
                  <span className="ml-auto text-[11px] muted">{n > 0 ? `${n} match${n > 1 ? 'es' : ''}` : `v${d.version}`}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </aside>
      <div className="min-h-0 min-w-0 flex-1 overflow-y-auto px-4 py-4 sm:px-6" tabIndex={0} role="region" aria-label="Documentation">
        {doc && (
          <>
            <div className="mb-3 flex flex-wrap items-center gap-2">
              <h2 className="font-mono text-sm font-semibold">{doc.path}</h2>
              <span className="text-xs muted">v{doc.version} · {doc.updatedAt ? new Date(doc.updatedAt).toLocaleString() : ''}</span>
              <button type="button" className={`btn btn-sm ml-auto ${showHistory ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={showHistory} data-testid="docs-history-button" onClick={() => setShowHistory(!showHistory)}>
                <History className="size-3.5" aria-hidden /> Change history
              </button>
            </div>
            {showHistory ? (
              <HistoryPanel projectId={projectId} path={doc.path ?? ''} />
            ) : content === undefined ? (
              full.error !== undefined ? <ErrorState error={full.error} onRetry={full.reload} /> : <Skeleton lines={6} />
            ) : shown.length === 0 ? (
              <p className="text-sm muted">No section of this document mentions “{query}”.</p>
            ) : (
              <div className="space-y-2" data-testid="doc-sections">
                {shown.map((s, i) => (
                  <details key={`${doc.path}-${i}-${s.title}`} open className="group card" data-testid="doc-section">
                    <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-sm font-semibold select-none">
                      <ChevronRight className="size-4 transition-transform group-open:rotate-90" aria-hidden /> {s.title}
                    </summary>
                    <div className="border-t border-zinc-100 px-4 py-2 dark:border-zinc-800"><Markdown source={s.body} /></div>
                  </details>
                ))}
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
