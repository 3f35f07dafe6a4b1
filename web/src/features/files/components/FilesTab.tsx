import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { AtSign, ChevronRight, FileCode2, Folder, FolderOpen, GitCompare, History, Save, Trash2 } from 'lucide-react';
import { Empty, ErrorState, Loading, Skeleton } from '@/components/States';
import { errorMessage } from '@/lib/api-client';
import type { FileEntry } from '@/lib/api-types';
import { assignToChat, reportError } from '@/lib/bus';
import { useCapability } from '@/lib/capabilities';
import { projectKey } from '@/lib/project';
import { invalidate, useResource } from '@/lib/resource';
import { buildTree, deleteFile, languageOf, listFiles, readFile, writeFile, type TreeNode } from '../api/files';

import { FileHistory } from './FileHistory';

const CodeEditor = lazy(() => import('./CodeEditor'));

function Tree({ nodes, depth, open, toggle, selected, onSelect }: { nodes: TreeNode[]; depth: number; open: Set<string>; toggle: (p: string) => void; selected: string | null; onSelect: (p: string) => void }) {
  return (
    <ul role={depth === 0 ? 'tree' : 'group'} aria-label={depth === 0 ? 'Files' : undefined}>
      {nodes.map((n) => {
        const isOpen = open.has(n.path);
        return (
          <li key={n.path} role="treeitem" aria-expanded={n.children ? isOpen : undefined} aria-selected={n.path === selected}>
            <button type="button" onClick={() => (n.children ? toggle(n.path) : onSelect(n.path))} data-testid={n.children ? 'file-folder' : 'file-item'} data-path={n.path}
              className={`flex w-full items-center gap-1 rounded py-0.5 pr-2 text-left text-[13px] whitespace-nowrap ${n.path === selected ? 'bg-brand-50 text-brand-800 dark:bg-brand-900/40 dark:text-brand-200' : 'hover:bg-zinc-100 dark:hover:bg-zinc-800'}`}
              style={{ paddingLeft: 6 + depth * 14 }}>
              {n.children ? (
                <>
                  <ChevronRight className={`size-3.5 shrink-0 transition-transform ${isOpen ? 'rotate-90' : ''}`} aria-hidden />
                  {isOpen ? <FolderOpen className="size-4 shrink-0 text-amber-500" aria-hidden /> : <Folder className="size-4 shrink-0 text-amber-500" aria-hidden />}
                </>
              ) : (
                <FileCode2 className="ml-[18px] size-4 shrink-0 text-zinc-400" aria-hidden />
              )}
              <span className="truncate">{n.name}</span>
            </button>
            {n.children && isOpen && <Tree nodes={n.children} depth={depth + 1} open={open} toggle={toggle} selected={selected} onSelect={onSelect} />}
          </li>
        );
      })}
    </ul>
  );
}

export function FilesTab({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const files = useResource<FileEntry[]>(projectKey(projectId, 'files'), () => listFiles(projectId));
  const tree = useMemo(() => buildTree(files.data ?? []), [files.data]);
  const history = useCapability('history');
  const [open, setOpen] = useState<Set<string>>(() => new Set(['src']));
  const [path, setPath] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [loadError, setLoadError] = useState<unknown>(null);
  const [diff, setDiff] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  const dirty = saved !== null && draft !== saved;

  useEffect(() => {
    if (!path) return;
    let alive = true;
    setSaved(null);
    setLoadError(null);
    setDiff(false);
    readFile(projectId, path).then(
      (t) => {
        if (!alive) return;
        setSaved(t);
        setDraft(t);
      },
      (e: unknown) => alive && setLoadError(e),
    );
    return () => {
      alive = false;
    };
  }, [projectId, path]);

  async function save() {
    if (!path || !dirty) return;
    setSaving(true);
    try {
      await writeFile(projectId, path, draft);
      setSaved(draft);
      setDiff(false);
      invalidate(projectKey(projectId, 'history'));
      setNotice(history ? 'Saved and committed.' : 'Saved. (This server keeps no git history of edits yet.)');
      setTimeout(() => setNotice(''), 4000);
    } catch (e) {
      reportError.emit({ title: `Could not save ${path}`, error: e });
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!path || !confirm(`Delete ${path}? The deletion is committed; the file stays in the history.`)) return;
    setSaving(true);
    try {
      await deleteFile(projectId, path);
      setPath(null);
      setSaved(null);
      setShowHistory(false);
      invalidate(projectKey(projectId, 'files'));
      invalidate(projectKey(projectId, 'history'));
      setNotice(`Deleted ${path}.`);
      setTimeout(() => setNotice(''), 4000);
    } catch (e) {
      reportError.emit({ title: `Could not delete ${path}`, error: e });
    } finally {
      setSaving(false);
    }
  }

  if (files.error !== undefined && !files.data) return <ErrorState error={files.error} onRetry={files.reload} />;
  if (!files.data) return <Skeleton lines={8} />;
  if (files.data.length === 0)
    return (
      <Empty icon={<FileCode2 className="size-8" />} title="No files yet">
        Files appear once the backend is generated (Confirm & generate in the chat, or Generate in the header).
      </Empty>
    );

  return (
    <div className="flex h-full min-h-0 flex-col md:flex-row">
      <aside className="max-h-56 shrink-0 overflow-auto border-b border-zinc-200 p-2 md:max-h-none md:w-64 md:border-r md:border-b-0 dark:border-zinc-800" tabIndex={0} aria-label="Project files">
        <p className="panel-title px-1.5 pb-1">{files.data.length} files</p>
        <Tree nodes={tree} depth={0} open={open} toggle={(p) => setOpen((s) => { const n = new Set(s); if (n.has(p)) n.delete(p); else n.add(p); return n; })} selected={path} onSelect={setPath} />
      </aside>
      <div className="flex min-h-[360px] min-w-0 flex-1 flex-col">
        {!path ? (
          <Empty icon={<FileCode2 className="size-8" />} title="Pick a file">
            Open a file to read it; editors and owners can change, save and delete it.
            {notice && <span role="status" className="mt-2 block text-emerald-700 dark:text-emerald-400">{notice}</span>}
          </Empty>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-1 border-b border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
              <span className="min-w-0 flex-1 truncate font-mono text-xs" data-testid="file-path">{path}{dirty ? ' •' : ''}</span>
              {notice && <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">{notice}</span>}
              <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label="Assign this file to chat" data-tip="Assign to chat" onClick={() => assignToChat.emit(`@file ${path}`)}><AtSign className="size-4" aria-hidden /></button>
              <button type="button" className={`btn btn-sm ${showHistory ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={showHistory} aria-label={history ? undefined : 'File history is not available on this server'} title={history ? 'The commits that changed this file, with their diffs' : 'History: not available on this server'} disabled={!history} onClick={() => setShowHistory(!showHistory)} data-testid="file-history-button"><History className="size-3.5" aria-hidden /> History</button>
              <button type="button" className={`btn btn-sm ${diff ? 'btn-primary' : 'btn-secondary'}`} aria-pressed={diff} disabled={showHistory || (!dirty && !diff)} title="Your unsaved changes against the saved file" onClick={() => setDiff(!diff)} data-testid="file-diff"><GitCompare className="size-3.5" aria-hidden /> Diff</button>
              {canEdit && <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label={`Delete ${path}`} data-tip="Delete this file (committed)" disabled={saving} onClick={() => void remove()} data-testid="file-delete"><Trash2 className="size-4" aria-hidden /></button>}
              {canEdit && <button type="button" className="btn btn-primary btn-sm" disabled={!dirty || saving} onClick={() => void save()} data-testid="file-save" title="Save (Ctrl+S)"><Save className="size-3.5" aria-hidden /> Save</button>}
            </div>
            <div className="min-h-0 flex-1">
              {showHistory ? (
                <FileHistory projectId={projectId} path={path} />
              ) : loadError !== null ? (
                <ErrorState error={loadError} title={`Cannot open ${path}`} />
              ) : saved === null ? (
                <Loading label="Opening…" />
              ) : (
                <Suspense fallback={<Loading label="Loading the editor…" />}>
                  <CodeEditor path={path} language={languageOf(path)} value={draft} original={saved} diff={diff} readOnly={!canEdit} onChange={setDraft} onSave={() => void save()} />
                </Suspense>
              )}
            </div>
          </>
        )}
      </div>
      {files.error !== undefined && <p role="alert" className="sr-only">{errorMessage(files.error)}</p>}
    </div>
  );
}
