import { useEffect, useMemo, useState } from 'react';
import { AtSign, CheckCircle2, CircleSlash, FlaskConical, Play, PlayCircle, TerminalSquare, XCircle } from 'lucide-react';
import { Badge } from '@/components/Badge';
import { SolveButton } from '@/components/SolveButton';
import { Empty, ErrorState, Skeleton, Unavailable } from '@/components/States';
import { errorMessage } from '@/lib/api-client';
import type { Job, TestResult, TestRun } from '@/lib/api-types';
import { assignToChat, commands, reportError } from '@/lib/bus';
import { useProjectEvents } from '@/lib/live';
import { usePreview } from '@/lib/preview';
import { projectKey, useJobs, useProject, useProjectOpenApi } from '@/lib/project';
import { useResource } from '@/lib/resource';
import { isFinished } from '@/lib/sync';
import { getJob, listRuns, runTests, summary } from '../api/tests';
import { CallEndpoint } from './CallEndpoint';

const PHASE_LABEL: Record<string, string> = { red: 'Red (stubs)', green: 'Green (implementation)', final: 'Final (after lint)', run: 'Run', solve: 'Solve', merged: 'Merged (your code after regeneration)' };

function StatusIcon({ status }: { status?: string }) {
  if (status === 'passed') return <CheckCircle2 className="size-4 shrink-0 text-emerald-600 dark:text-emerald-400" aria-label="passed" />;
  if (status === 'skipped') return <CircleSlash className="size-4 shrink-0 text-zinc-400" aria-label="skipped" />;
  return <XCircle className="size-4 shrink-0 text-red-600 dark:text-red-400" aria-label={status ?? 'failed'} />;
}

export function TestsTab({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const runs = useResource<TestRun[]>(projectKey(projectId, 'runs'), () => listRuns(projectId));
  const jobs = useJobs(projectId);
  const project = useProject(projectId);
  const preview = usePreview(projectId);
  const doc = useProjectOpenApi(projectId, project.data?.specVersion ?? 0);
  const [selected, setSelected] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);
  const [log, setLog] = useState<string>('');
  const [filter, setFilter] = useState<'all' | 'failed'>('all');
  // The newest test.result event (red, green, final or run) while a job runs: the summary shows
  // red turning green live, before the runs are recorded at the end of the job.
  const [liveResult, setLiveResult] = useState<{ jobId: string; phase: string; passed: number; failed: number; skipped: number } | null>(null);

  const running: Job | undefined = jobs.data?.find((j) => j.kind === 'test' && !isFinished(j));
  const run = runs.data?.find((r) => r.id === selected) ?? runs.data?.[0];
  const generated = Boolean(project.data?.stack) && ['generated', 'testing', 'tested'].includes(project.data?.status ?? '');

  // The log of the job behind the selected run (its last 16 KiB), then live lines.
  useEffect(() => {
    let alive = true;
    const id = running?.id ?? run?.jobId;
    if (!id) return;
    getJob(id).then(
      (j) => alive && setLog(j.log ?? ''),
      () => alive && setLog(''),
    );
    return () => {
      alive = false;
    };
  }, [run?.jobId, running?.id]);
  useProjectEvents(projectId, (e) => {
    if (e.type === 'job.log' && running && e.data?.jobId === running.id) setLog((l) => `${l}${String(e.data?.line ?? '')}\n`.slice(-32_000));
    if (e.type === 'test.result' && e.data) {
      const d = e.data;
      setLiveResult({ jobId: String(d.jobId ?? ''), phase: String(d.phase ?? 'run'), passed: Number(d.passed ?? 0), failed: Number(d.failed ?? 0), skipped: Number(d.skipped ?? 0) });
    }
  });

  async function start(testName?: string) {
    setStarting(testName ?? '*');
    try {
      await runTests(projectId, testName);
      setSelected(null);
      setLog('');
    } catch (e) {
      reportError.emit({ title: 'The tests could not start', error: e });
    } finally {
      setStarting(null);
    }
  }
  useEffect(() => commands.on((c) => c === 'run-tests' && canEdit && generated && !running && void start()));

  const results: TestResult[] = useMemo(() => {
    const list = run?.results ?? [];
    return filter === 'failed' ? list.filter((r) => r.status !== 'passed' && r.status !== 'skipped') : list;
  }, [run, filter]);

  if (runs.error !== undefined && !runs.data) return <ErrorState error={runs.error} onRetry={runs.reload} />;
  if (!runs.data) return <Skeleton lines={6} />;

  const latest = runs.data[0];
  // A live result wins while its job is still running (or not yet recorded as a run).
  const live = liveResult && !runs.data.some((r) => r.jobId === liveResult.jobId) ? liveResult : null;
  const shown = live ?? latest;
  const shownStatus = live ? (live.failed > 0 ? 'failed' : 'passed') : latest?.status;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-5 px-4 py-5 sm:px-6">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <h2 className="text-base font-semibold">Tests</h2>
          <p className={`text-sm font-medium ${shown ? (shownStatus === 'passed' ? 'text-emerald-700 dark:text-emerald-400' : 'text-red-700 dark:text-red-400') : 'muted'}`} data-testid="test-summary" data-phase={shown?.phase} data-status={shownStatus} aria-live="polite">
            {shown ? summary(shown) : 'No test run yet'}
          </p>
          {live && <p className="text-xs muted">{PHASE_LABEL[live.phase] ?? live.phase} · live</p>}
        </div>
        {running && (
          <Badge tone="blue"><span className="size-1.5 animate-pulse rounded-full bg-current" /> {running.kind === 'test' ? 'running' : 'generating'} {running.progress}%</Badge>
        )}
        <button type="button" className="btn btn-primary" data-testid="run-all-tests" disabled={!canEdit || !generated || Boolean(running) || starting !== null} onClick={() => void start()} title={generated ? 'Run every test (R)' : 'Generate the project first'}>
          <Play className="size-4" aria-hidden /> Run all
        </button>
      </div>

      {runs.data.length === 0 ? (
        <div className="card">
          <Empty icon={<FlaskConical className="size-8" />} title="No test runs yet">
            Generation writes the tests first and runs them against stubs (red), then against the implementation (green). Both runs appear here.
          </Empty>
        </div>
      ) : (
        <>
          <section aria-label="Run history">
            <h3 className="panel-title mb-2">History</h3>
            <ol className="flex gap-2 overflow-x-auto pb-1" data-testid="run-history">
              {runs.data.map((r) => {
                const on = r.id === run?.id;
                const red = (r.failed ?? 0) > 0 || r.status !== 'passed';
                return (
                  <li key={r.id}>
                    <button type="button" onClick={() => setSelected(r.id ?? null)} aria-pressed={on} data-testid="run-chip" data-phase={r.phase} data-status={r.status}
                      className={`flex min-w-36 flex-col items-start rounded-lg border px-3 py-2 text-left text-xs transition ${on ? 'ring-2 ring-brand-500' : ''} ${red ? 'border-red-200 bg-red-50 dark:border-red-900 dark:bg-red-950/50' : 'border-emerald-200 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950/50'}`}>
                      <span className={`font-semibold ${red ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300'}`}>{PHASE_LABEL[r.phase ?? 'run'] ?? r.phase}</span>
                      <span className="muted">{summary(r)}</span>
                      <span className="muted">{r.createdAt ? new Date(r.createdAt).toLocaleTimeString() : ''}{r.durationMs ? ` · ${(r.durationMs / 1000).toFixed(1)} s` : ''}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </section>

          <section aria-label="Results" className="card overflow-hidden">
            <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
              <h3 className="panel-title flex-1">Results · {PHASE_LABEL[run?.phase ?? 'run']}</h3>
              <div className="flex rounded-md border border-zinc-200 p-0.5 text-xs dark:border-zinc-700" role="group" aria-label="Filter results">
                {(['all', 'failed'] as const).map((f) => (
                  <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} className={`rounded px-2 py-0.5 ${filter === f ? 'bg-zinc-200 font-medium dark:bg-zinc-700' : ''}`}>{f}</button>
                ))}
              </div>
            </div>
            {results.length === 0 ? (
              <p className="px-3 py-6 text-center text-sm muted">{filter === 'failed' ? 'No failing test in this run.' : 'This run has no per-test results.'}</p>
            ) : (
              <ul className="max-h-[28rem] divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800" data-testid="test-results" tabIndex={0} aria-label="Test results">
                {results.map((t, i) => {
                  const failing = t.status !== 'passed' && t.status !== 'skipped';
                  return (
                    <li key={`${t.name}-${i}`} className="group px-3 py-2" data-testid="test-result" data-status={t.status}>
                      <div className="flex items-center gap-2">
                        <StatusIcon status={t.status} />
                        <span className="min-w-0 flex-1 truncate text-[13px]" title={t.name}>{t.name}</span>
                        {t.timeMs !== undefined && <span className="text-[11px] muted">{t.timeMs} ms</span>}
                        <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label={`Run ${t.name}`} data-tip="Run this test" data-tip-side="left" disabled={!canEdit || Boolean(running) || starting !== null} onClick={() => void start(t.name)}>
                          <PlayCircle className="size-4" aria-hidden />
                        </button>
                        {failing && (
                          <>
                            <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label={`Assign ${t.name} to chat`} data-tip="Assign to chat" data-tip-side="left" onClick={() => assignToChat.emit(`@test "${t.name}"`)}>
                              <AtSign className="size-4" aria-hidden />
                            </button>
                            <SolveButton projectId={projectId} kind="test" reference={t.name ?? ''} {...(t.message ? { detail: t.message } : {})} />
                          </>
                        )}
                      </div>
                      {failing && t.message && <pre tabIndex={0} className="mt-1 ml-6 max-h-32 overflow-auto rounded bg-red-50 p-2 font-mono text-[11px] whitespace-pre-wrap text-red-800 dark:bg-red-950/50 dark:text-red-200">{t.message}</pre>}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}

      {(log || running) && (
        <section aria-label="Log" className="card overflow-hidden">
          <h3 className="panel-title flex items-center gap-1.5 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800"><TerminalSquare className="size-3.5" aria-hidden /> Log</h3>
          <pre tabIndex={0} className="max-h-64 overflow-auto bg-zinc-950 p-3 font-mono text-[11px] leading-4 whitespace-pre-wrap text-zinc-200" data-testid="test-log">{log || 'Waiting for output…'}</pre>
        </section>
      )}

      <section aria-label="Call an endpoint" className="card p-4">
        <h3 className="mb-3 text-sm font-semibold">Call an endpoint</h3>
        {preview.available === false ? (
          <Unavailable feature="Calling the live preview" endpoint="/api/projects/{pid}/preview">Endpoints can be called once the server runs previews.</Unavailable>
        ) : preview.state?.status === 'running' && preview.state.url && doc.data ? (
          <CallEndpoint doc={doc.data} baseUrl={preview.state.url} />
        ) : (
          <p className="text-sm muted">{preview.error ? errorMessage(preview.error) : 'Start the preview (header) to call its endpoints with your inputs and check the responses.'}</p>
        )}
      </section>
    </div>
  );
}
