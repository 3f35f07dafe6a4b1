// The history of one file: the commits on main that touched it, newest first, and the selected
// commit's change to that file as a unified diff (added lines green, removed lines red).
import { useState } from 'react';
import { GitCommitHorizontal } from 'lucide-react';
import { Empty, ErrorState, Loading } from '@/components/States';
import type { Commit, CommitDiff } from '@/lib/api-types';
import { projectKey } from '@/lib/project';
import { useResource } from '@/lib/resource';
import { commitsTouching, fileDiff, getCommit, listHistory, parsePatch } from '../api/files';

const STATUS: Record<string, string> = { added: 'added', deleted: 'deleted', modified: 'modified', typechange: 'type changed' };

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function PatchView({ patch }: { patch: string }) {
  const lines = parsePatch(patch);
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-label="Changes">
      <table className="w-full border-collapse font-mono text-[12px] leading-5" data-testid="file-history-diff-lines">
        <tbody>
          {lines.map((l, i) =>
            l.kind === 'hunk' || l.kind === 'meta' ? (
              <tr key={i} className="bg-zinc-100 text-zinc-700 dark:bg-zinc-800/70 dark:text-zinc-300">
                <td colSpan={3} className="px-2 py-0.5 whitespace-pre">{l.text}</td>
              </tr>
            ) : (
              <tr key={i} data-kind={l.kind} className={l.kind === 'add' ? 'bg-emerald-50 text-emerald-950 dark:bg-emerald-950/60 dark:text-emerald-100' : l.kind === 'del' ? 'bg-red-50 text-red-950 dark:bg-red-950/60 dark:text-red-100' : 'text-zinc-800 dark:text-zinc-200'}>
                <td className="w-10 border-r border-zinc-200 px-1 text-right text-zinc-600 select-none dark:border-zinc-700 dark:text-zinc-400">{l.old ?? ''}</td>
                <td className="w-10 border-r border-zinc-200 px-1 text-right text-zinc-600 select-none dark:border-zinc-700 dark:text-zinc-400">{l.new ?? ''}</td>
                <td className="px-2 whitespace-pre">
                  <span className="inline-block w-3 select-none" aria-hidden>{l.kind === 'add' ? '+' : l.kind === 'del' ? '−' : ' '}</span>
                  <span className="sr-only">{l.kind === 'add' ? 'added: ' : l.kind === 'del' ? 'removed: ' : ''}</span>
                  {l.text}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function CommitChange({ projectId, sha, path }: { projectId: string; sha: string; path: string }) {
  const commit = useResource<CommitDiff>(projectKey(projectId, `history:${sha}`), () => getCommit(projectId, sha));
  if (commit.error !== undefined && !commit.data) return <ErrorState error={commit.error} onRetry={commit.reload} title="Cannot read this commit" />;
  if (!commit.data) return <Loading label="Reading the commit…" />;
  const f = fileDiff(commit.data, path);
  return (
    <div className="min-w-0 space-y-2" data-testid="file-history-diff" data-sha={sha}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <span className="font-medium">{commit.data.summary}</span>
        <span className="font-mono text-xs muted">{sha.slice(0, 10)}</span>
        {f && (
          <span className="text-xs">
            <span className="text-emerald-700 dark:text-emerald-400">+{f.additions ?? 0}</span>{' '}
            <span className="text-red-700 dark:text-red-400">−{f.deletions ?? 0}</span>
          </span>
        )}
      </div>
      {!f ? (
        <p className="text-sm muted">This commit did not change {path}.</p>
      ) : f.binary ? (
        <p className="text-sm muted">A binary file: no line diff.</p>
      ) : !f.patch ? (
        <p className="text-sm muted">No line changes ({STATUS[f.status ?? ''] ?? f.status}).</p>
      ) : (
        <>
          <PatchView patch={f.patch} />
          {f.truncated && <p className="text-xs muted">The diff is cut at 256 KiB.</p>}
        </>
      )}
    </div>
  );
}

export function FileHistory({ projectId, path }: { projectId: string; path: string }) {
  const history = useResource<Commit[]>(projectKey(projectId, 'history'), () => listHistory(projectId));
  const [picked, setPicked] = useState<string | null>(null);
  if (history.error !== undefined && !history.data) return <ErrorState error={history.error} onRetry={history.reload} title="Cannot read the history" />;
  if (!history.data) return <Loading label="Reading the history…" />;
  const commits = commitsTouching(history.data, path);
  if (!commits.length)
    return (
      <Empty icon={<GitCommitHorizontal className="size-8" />} title="No commits for this file">
        {path} has not been committed on main yet.
      </Empty>
    );
  const sha = picked && commits.some((c) => c.sha === picked) ? picked : (commits[0]?.sha ?? '');
  return (
    <div className="grid h-full min-h-0 gap-3 overflow-auto p-3 md:grid-cols-[16rem_minmax(0,1fr)]" data-testid="file-history">
      <nav aria-label={`Commits that changed ${path}`} className="min-w-0">
        <p className="panel-title pb-1">{commits.length === 1 ? '1 commit' : `${commits.length} commits`}</p>
        <ol className="space-y-1">
          {commits.map((c) => {
            const status = c.files.find((f) => f.path === path)?.status ?? 'modified';
            return (
              <li key={c.sha}>
                <button type="button" aria-current={c.sha === sha ? 'true' : undefined} onClick={() => setPicked(c.sha)} data-testid="file-history-commit" data-sha={c.sha}
                  className={`w-full rounded-md border px-2 py-1.5 text-left text-[13px] ${c.sha === sha ? 'border-brand-300 bg-brand-50 dark:border-brand-700 dark:bg-brand-900/40' : 'border-transparent hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}>
                  <span className="block truncate font-medium">{c.summary}</span>
                  <span className="block truncate text-xs muted">
                    <span className="font-mono">{c.sha.slice(0, 7)}</span> · {STATUS[status] ?? status} · {when(c.time)}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <CommitChange key={sha} projectId={projectId} sha={sha} path={path} />
    </div>
  );
}
