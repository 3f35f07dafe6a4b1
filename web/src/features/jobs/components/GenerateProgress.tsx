// The pipeline's steps with a progress bar and timings while a backend is generated, and the
// record of the last generation afterwards.
import { useEffect, useRef, useState } from 'react';
import { CheckCircle2, ChevronDown, ChevronUp, Circle, Loader2, MinusCircle, Square, XCircle } from 'lucide-react';
import type { Job } from '@/lib/api-types';
import { reportError } from '@/lib/bus';
import { useProjectEvents } from '@/lib/live';
import { isFinished } from '@/lib/sync';
import { cancelJob, PIPELINE_STEPS, type StepRecord } from '../api/jobs';

interface Live {
  status: 'pending' | 'running' | 'ok' | 'failed' | 'skipped';
  startedAt?: number;
  ms?: number;
  detail?: string;
}

function fmt(ms?: number): string {
  if (ms === undefined) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function GenerateProgress({ projectId, job, canEdit }: { projectId: string; job: Job; canEdit: boolean }) {
  const [steps, setSteps] = useState<Record<string, Live>>({});
  // Steps are shown while the job runs; a finished job collapses to its summary line.
  const [collapsed, setCollapsed] = useState(isFinished(job));
  const [, tick] = useState(0);
  const jobId = useRef(job.id);
  const done = isFinished(job);

  useEffect(() => {
    if (jobId.current !== job.id) {
      jobId.current = job.id;
      setSteps({});
      setCollapsed(done);
    }
  }, [job.id, done]);

  // Live step states from the progress messages ("<title>" while running, "<title>: ok" after).
  useProjectEvents(projectId, (e) => {
    if (e.type !== 'job.progress' || e.data?.jobId !== job.id) return;
    const msg = String(e.data?.message ?? '');
    const step = PIPELINE_STEPS.find((s) => msg === s.title || msg.startsWith(`${s.title}: `));
    if (!step) return;
    const suffix = msg.slice(step.title.length + 2);
    setSteps((prev) => {
      const now = Date.now();
      const cur = prev[step.name];
      if (!suffix) return { ...prev, [step.name]: { status: 'running', startedAt: now } };
      const status = suffix === 'ok' ? 'ok' : suffix === 'skipped' ? 'skipped' : 'failed';
      return { ...prev, [step.name]: { status, ...(cur?.startedAt ? { ms: now - cur.startedAt } : {}) } };
    });
  });

  useEffect(() => {
    if (done) return;
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [done]);

  // After the job: the server's record (exact durations, details, test counts).
  const record = (job.result as { steps?: StepRecord[] } | undefined)?.steps;
  const rows = PIPELINE_STEPS.map((s) => {
    const r = record?.find((x) => x.name === s.name);
    const l = steps[s.name];
    if (r) return { ...s, status: r.status, ms: r.durationMs, detail: r.detail, tests: r.tests };
    if (l) return { ...s, status: l.status, ms: l.ms ?? (l.startedAt && l.status === 'running' ? Date.now() - l.startedAt : undefined), detail: l.detail, tests: undefined };
    return { ...s, status: done ? 'not run' : 'pending', ms: undefined, detail: undefined, tests: undefined };
  });
  const total = job.startedAt ? (job.finishedAt ? Date.parse(job.finishedAt) : Date.now()) - Date.parse(job.startedAt) : undefined;
  const failed = job.status === 'failed' || job.status === 'interrupted' || job.status === 'cancelled';
  const errorText = (job.result as { error?: { message?: string } } | undefined)?.error?.message ?? (failed ? job.message : undefined);

  return (
    <section aria-label="Generation progress" data-testid="generate-progress" data-status={job.status} className="border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center gap-3">
        {done ? failed ? <XCircle className="size-5 text-red-500" aria-hidden /> : <CheckCircle2 className="size-5 text-emerald-500" aria-hidden /> : <Loader2 className="size-5 animate-spin text-brand-500" aria-hidden />}
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-semibold">
            {done ? (failed ? `Generation ${job.status}` : 'Backend generated, tests green') : 'Generating the backend test-first'}
            {total !== undefined && <span className="ml-2 font-normal muted">{fmt(total)}</span>}
          </p>
          <p className={`text-xs ${failed ? 'text-red-700 dark:text-red-400' : 'truncate muted'}`} aria-live="polite" role={failed ? 'alert' : undefined}>{done ? (errorText ?? 'All steps done.') : job.message}</p>
        </div>
        {!done && canEdit && (
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => cancelJob(job.id).catch((e: unknown) => reportError.emit({ title: 'Could not cancel', error: e }))}>
            <Square className="size-3" aria-hidden /> Cancel
          </button>
        )}
        <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-expanded={!collapsed} aria-label={collapsed ? 'Show the steps' : 'Hide the steps'} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? <ChevronDown className="size-4" aria-hidden /> : <ChevronUp className="size-4" aria-hidden />}
        </button>
      </div>
      <div className="mt-2 h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-label="Generation progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={job.progress} data-testid="generate-progress-bar">
        <div className={`h-full rounded-full transition-all duration-500 ${failed ? 'bg-red-500' : done ? 'bg-emerald-500' : 'bg-brand-500'}`} style={{ width: `${Math.max(job.progress, done ? 100 : 3)}%` }} />
      </div>
      {!collapsed && (
        <ol className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-2" data-testid="generate-steps">
          {rows.map((r) => (
            <li key={r.name} className="flex min-w-0 items-center gap-2 text-xs" data-step={r.name} data-status={r.status}>
              {r.status === 'ok' ? <CheckCircle2 className="size-3.5 shrink-0 text-emerald-500" aria-hidden /> : r.status === 'failed' ? <XCircle className="size-3.5 shrink-0 text-red-500" aria-hidden /> : r.status === 'running' ? <Loader2 className="size-3.5 shrink-0 animate-spin text-brand-500" aria-hidden /> : r.status === 'skipped' ? <MinusCircle className="size-3.5 shrink-0 text-zinc-400" aria-hidden /> : <Circle className="size-3.5 shrink-0 text-zinc-300 dark:text-zinc-700" aria-hidden />}
              <span className={`min-w-0 flex-1 truncate ${r.status === 'pending' || r.status === 'not run' ? 'muted' : ''}`} title={r.detail ?? r.title}>
                {r.title}
                {r.tests && <span className={`ml-1 ${r.tests.failed ? 'text-red-700 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'}`}>({r.tests.passed ?? 0} passed, {r.tests.failed ?? 0} failed)</span>}
              </span>
              <span className="shrink-0 tabular-nums muted">{fmt(r.ms)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
