import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { AtSign, ChevronDown, ChevronUp, Eraser, SquareTerminal } from 'lucide-react';
import { SolveButton } from '@/components/SolveButton';
import { Loading, Unavailable } from '@/components/States';
import { api } from '@/lib/api-client';
import type { Job } from '@/lib/api-types';
import { assignToChat, commands } from '@/lib/bus';
import { useCapability } from '@/lib/capabilities';
import { useProjectEvents } from '@/lib/live';
import type { XtermHandle } from './XtermView';

const XtermView = lazy(() => import('./XtermView'));

type Channel = 'jobs' | 'preview';
const MAX = 4000;
// eslint-disable-next-line no-control-regex -- strips the ANSI colours the dock itself writes
const ANSI = /\x1b\[[0-9;]*m/g;
const C = { dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', cyan: '\x1b[36m', off: '\x1b[0m' };

function stamp(): string {
  return new Date().toLocaleTimeString([], { hour12: false });
}

export function TerminalDock({ projectId, latestJob }: { projectId: string; latestJob: Job | undefined }) {
  const [open, setOpen] = useState(false);
  const [channel, setChannel] = useState<Channel>('jobs');
  const [lines, setLines] = useState<Record<Channel, string[]>>({ jobs: [], preview: [] });
  const [failure, setFailure] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  const previewAvailable = useCapability('previewStatus');
  const term = useRef<XtermHandle>(null);
  const seeded = useRef<string | null>(null);

  const push = (ch: Channel, ...add: string[]) => {
    setLines((l) => ({ ...l, [ch]: [...l[ch], ...add].slice(-MAX) }));
    if (!open) setUnread((n) => n + add.length);
  };

  // The last job's log tail, once, so the dock is not empty after a reload.
  useEffect(() => {
    if (!latestJob || seeded.current === latestJob.id) return;
    seeded.current = latestJob.id;
    api.get<Job>(`/api/jobs/${encodeURIComponent(latestJob.id)}`).then(
      (j) => {
        const tail = (j.log ?? '').split('\n').filter(Boolean);
        if (tail.length) setLines((l) => (l.jobs.length ? l : { ...l, jobs: [`${C.dim}— ${j.kind} job ${j.id.slice(0, 8)} (${j.status}) —${C.off}`, ...tail] }));
        if (j.status === 'failed' && j.message) setFailure(j.message);
      },
      () => undefined,
    );
  }, [latestJob]);

  useProjectEvents(projectId, (e) => {
    const d = e.data ?? {};
    if (e.type === 'job.log') push('jobs', String(d.line ?? ''));
    else if (e.type === 'job.progress') {
      const status = String(d.status ?? '');
      const color = status === 'failed' ? C.red : status === 'succeeded' ? C.green : C.cyan;
      push('jobs', `${C.dim}${stamp()}${C.off} ${color}[${d.kind} ${status} ${d.progress ?? 0}%]${C.off} ${String(d.message ?? '')}`);
      if (status === 'failed') {
        setFailure(String(d.message ?? 'the job failed'));
        setOpen(true);
      } else if (status === 'running' && d.message === 'started') setFailure(null);
    } else if (e.type === 'preview.log') push('preview', String(d.line ?? ''));
  });

  useEffect(() => commands.on((c) => c === 'toggle-terminal' && setOpen((o) => !o)), []);
  useEffect(() => {
    if (open) setUnread(0);
  }, [open]);

  return (
    <section aria-label="Terminals" className={`flex shrink-0 flex-col border-t border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950 ${open ? 'h-64' : 'h-9'}`} data-testid="terminal-dock" data-open={open}>
      <div className="flex h-9 shrink-0 items-center gap-1 px-2">
        <button type="button" className="btn btn-ghost btn-sm" aria-expanded={open} aria-controls="terminal-body" onClick={() => setOpen(!open)} data-testid="terminal-toggle" title="Toggle terminals (Ctrl+`)">
          <SquareTerminal className="size-4" aria-hidden /> Terminal
          {unread > 0 && !open && <span className="rounded-full bg-brand-600 px-1.5 text-[10px] text-white">{unread > 99 ? '99+' : unread}</span>}
          {open ? <ChevronDown className="size-3.5" aria-hidden /> : <ChevronUp className="size-3.5" aria-hidden />}
        </button>
        {open && (
          <>
            <div role="tablist" aria-label="Log" className="ml-2 flex gap-1">
              {(['jobs', 'preview'] as const).map((c) => (
                <button key={c} role="tab" type="button" aria-selected={channel === c} onClick={() => setChannel(c)} className={`rounded px-2 py-0.5 text-xs ${channel === c ? 'bg-zinc-200 font-medium dark:bg-zinc-800' : 'muted hover:bg-zinc-100 dark:hover:bg-zinc-900'}`}>
                  {c === 'jobs' ? 'Jobs' : 'Preview'}
                </button>
              ))}
            </div>
            <div className="ml-auto flex items-center gap-1">
              {failure && channel === 'jobs' && <SolveButton projectId={projectId} kind="error" reference={failure} />}
              <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label="Assign the selected log lines to chat" data-tip="Assign selection to chat" data-tip-side="left" onClick={() => {
                const sel = term.current?.selection().trim() || lines[channel].slice(-1)[0]?.replace(ANSI, '') || '';
                if (sel) assignToChat.emit(`@log "${sel.slice(0, 300)}"`);
              }}>
                <AtSign className="size-4" aria-hidden />
              </button>
              <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label="Clear" data-tip="Clear" data-tip-side="left" onClick={() => setLines((l) => ({ ...l, [channel]: [] }))}>
                <Eraser className="size-4" aria-hidden />
              </button>
            </div>
          </>
        )}
      </div>
      {open && (
        <div id="terminal-body" className="min-h-0 flex-1 border-t border-zinc-200 dark:border-zinc-800">
          {channel === 'preview' && previewAvailable === false ? (
            <Unavailable feature="Preview logs" endpoint="/api/projects/{pid}/preview" />
          ) : (
            <Suspense fallback={<Loading label="Opening the terminal…" />}>
              <XtermView key={channel} ref={term} lines={lines[channel]} />
            </Suspense>
          )}
        </div>
      )}
    </section>
  );
}
