import { useEffect, useMemo, useState } from 'react';
import { BookOpen, ChevronRight, History, Search } from 'lucide-react';
import { Markdown } from '@/components/Markdown';
import { Empty, ErrorState, Skeleton } from '@/components/States';
import { ApiError } from '@/lib/api-client';
import type { DocEntry, DocHit, DocSection } from '@/lib/api-types';
import { projectKey } from '@/lib/project';
import { useResource } from '@/lib/resource';
import { docHistory, getDoc, lineDiff, listDocs, searchDocs, sections, snippetParts } from '../api/docs';
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

/** `value`, once it has not changed for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '');

/** The HTML id of a section's element: its server id made safe for an attribute selector. */
const anchor = (sectionId: string) => `doc-${sectionId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function Snippet({ text }: { text: string }) {
  return (
    <p className="mt-1 text-xs muted">
      {snippetParts(text).map((p, i) => (p.match ? <mark key={i} className="rounded bg-amber-100 px-0.5 text-inherit dark:bg-amber-900/60">{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </p>
  );
}

function SearchResults({ query, hits, error, onOpen }: { query: string; hits: DocHit[] | undefined; error: unknown; onOpen: (hit: DocHit) => void }) {
  if (error instanceof ApiError && error.status === 400)
    return <p className="text-sm text-red-700 dark:text-red-400" role="alert" data-testid="docs-search-error">{error.detail}</p>;
  if (error !== undefined && !hits) return <ErrorState error={error} />;
  if (!hits) return <Skeleton lines={3} />;
  if (hits.length === 0) return <p className="text-sm muted">No section of the docs mentions “{query}”.</p>;
  return (
    <ol className="space-y-2" data-testid="docs-hits" aria-label={`Sections matching ${query}`}>
      {hits.map((h) => (
        <li key={h.id}>
          <button type="button" className="card w-full px-3 py-2 text-left hover:bg-zinc-50 dark:hover:bg-zinc-900" data-testid="docs-hit" onClick={() => onOpen(h)}>
            <span className="text-sm font-semibold">{h.title}</span>
            <span className="ml-2 font-mono text-[11px] muted">{h.path}</span>
            <span className="ml-2 text-[11px] muted">{when(h.updatedAt)}</span>
            <Snippet text={h.snippet} />
          </button>
        </li>
      ))}
    </ol>
  );
}

function DocSections({ projectId, path, focus }: { projectId: string; path: string; focus: string | null }) {
  const doc = useResource<DocEntry>(projectKey(projectId, `docs:doc:${path}`), () => getDoc(projectId, path));
  // The server's sections carry stable ids and update times; a server without them gets the
  // document split here.
  const shown: DocSection[] = useMemo(() => {
    if (doc.data?.sections?.length) return doc.data.sections;
    return sections(doc.data?.content ?? '').map((s, i) => ({ id: `${path}#${i}`, path, title: s.title, level: 1, position: i, updatedAt: doc.data?.updatedAt ?? null, body: s.body }));
  }, [doc.data, path]);
  useEffect(() => {
    if (focus && doc.data) document.getElementById(anchor(focus))?.scrollIntoView({ block: 'start' });
  }, [focus, doc.data]);
  if (doc.error !== undefined && !doc.data) return <ErrorState error={doc.error} onRetry={doc.reload} />;
  if (!doc.data) return <Skeleton lines={6} />;
  return (
    <div className="space-y-2" data-testid="doc-sections">
      {shown.map((s) => (
        <details key={s.id} id={anchor(s.id)} open className={`group card ${s.id === focus ? 'ring-2 ring-brand-400' : ''}`} data-testid="doc-section" data-section-id={s.id}>
          <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-sm font-semibold select-none">
            <ChevronRight className="size-4 transition-transform group-open:rotate-90" aria-hidden /> {s.title}
            <span className="ml-auto text-[11px] font-normal muted" title="Last updated">{when(s.updatedAt)}</span>
          </summary>
          <div className="border-t border-zinc-100 px-4 py-2 dark:border-zinc-800"><Markdown source={s.body ?? ''} /></div>
        </details>
      ))}
    </div>
  );
}

export function DocsTab({ projectId }: { projectId: string }) {
  const docs = useResource<DocEntry[]>(projectKey(projectId, 'docs'), () => listDocs(projectId));
  const [active, setActive] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [showHistory, setShowHistory] = useState(false);
  const doc = docs.data?.find((d) => d.path === active) ?? docs.data?.[0];

  // Search runs on the server (full-text, ranked) once typing pauses.
  const q = useDebounced(query.trim(), 250);
  const search = useResource<DocHit[]>(q ? projectKey(projectId, `docs:search:${q}`) : null, () => searchDocs(projectId, q));
  const matches = useMemo(() => {
    const m = new Map<string, number>();
    for (const h of search.data ?? []) m.set(h.path, (m.get(h.path) ?? 0) + 1);
    return m;
  }, [search.data]);

  if (docs.error !== undefined && !docs.data) return <ErrorState error={docs.error} onRetry={docs.reload} />;
  if (!docs.data) return <Skeleton lines={6} />;
  if (docs.data.length === 0)
    return (
      <Empty icon={<BookOpen className="size-8" />} title="No documentation yet">
        The project's living docs (change history, test runs, the test-first record) are written as you chat, generate and test.
      </Empty>
    );

  const open = (path: string | null, section: string | null) => {
    setActive(path);
    setFocus(section);
    setShowHistory(false);
  };
  const searching = query.trim() !== '';

  return (
    <div className="flex h-full min-h-0 flex-col md:flex-row">
      <aside className="shrink-0 border-b border-zinc-200 p-3 md:w-60 md:border-r md:border-b-0 dark:border-zinc-800" aria-label="Documents">
        <div className="relative">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-zinc-400" aria-hidden />
          <input type="search" aria-label="Search the docs" data-testid="docs-search" placeholder="Search docs…" className="input pl-8" value={query} onChange={(e) => setQuery(e.target.value)} />
        </div>
        <ul className="mt-3 flex gap-1 overflow-x-auto md:flex-col" data-testid="docs-list">
          {docs.data.map((d) => {
            const n = searching && search.data ? (matches.get(d.path ?? '') ?? 0) : -1;
            return (
              <li key={d.path}>
                <button type="button" aria-current={d.path === doc?.path ? 'page' : undefined} onClick={() => { setQuery(''); open(d.path ?? null, null); }} className={`flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-[13px] whitespace-nowrap ${d.path === doc?.path ? 'bg-zinc-100 font-medium dark:bg-zinc-800' : 'hover:bg-zinc-50 dark:hover:bg-zinc-900'} ${n === 0 ? 'opacity-50' : ''}`}>
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
        {searching ? (
          <SearchResults query={query.trim()} hits={q ? search.data : undefined} error={q ? search.error : undefined} onOpen={(h) => { setQuery(''); open(h.path, h.id); }} />
        ) : (
          doc && (
            <>
              <div className="mb-3 flex flex-wrap items-center gap-2">
                <h2 className="font-mono text-sm font-semibold">{doc.path}</h2>
                <span className="text-xs muted">v{doc.version} · {when(doc.updatedAt)}</span>
                <button type="button" className={`btn btn-sm ml-auto ${showHistory ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={showHistory} data-testid="docs-history-button" onClick={() => setShowHistory(!showHistory)}>
                  <History className="size-3.5" aria-hidden /> Change history
                </button>
              </div>
              {showHistory ? <HistoryPanel projectId={projectId} path={doc.path ?? ''} /> : <DocSections projectId={projectId} path={doc.path ?? ''} focus={focus} />}
            </>
          )
        )}
      </div>
    </div>
  );
}
