// The one place where live events become data updates. The workbench mounts it once per open
// project; features read the resources it keeps fresh.
import type { Job, ServerEvent } from './api-types';
import { useProjectEvents } from './live';
import { projectKey, useJobs } from './project';
import { invalidate, setResource } from './resource';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);

export function isFinished(job: Pick<Job, 'status'>): boolean {
  return FINISHED.has(job.status);
}

/** Merges a job.progress event into a list of jobs (newest first). */
export function mergeJobEvent(jobs: Job[] | undefined, data: Record<string, unknown>, projectId: string): Job[] {
  const list = [...(jobs ?? [])];
  const id = String(data.jobId ?? '');
  const i = list.findIndex((j) => j.id === id);
  const now = new Date().toISOString();
  const prev: Job = i >= 0 ? (list[i] as Job) : { id, projectId, kind: (data.kind as Job['kind']) ?? 'generate', status: 'queued', progress: 0, createdAt: now };
  const next: Job = {
    ...prev,
    status: (data.status as Job['status']) ?? prev.status,
    progress: typeof data.progress === 'number' ? data.progress : prev.progress,
    message: typeof data.message === 'string' ? data.message : prev.message,
    ...(data.result && typeof data.result === 'object' ? { result: data.result as Record<string, never> } : {}),
    ...(prev.startedAt || data.status !== 'running' ? {} : { startedAt: now }),
    ...(FINISHED.has(String(data.status)) ? { finishedAt: now } : {}),
  };
  if (i >= 0) list[i] = next;
  else list.unshift(next);
  return list;
}

export function useProjectSync(projectId: string): void {
  useJobs(projectId); // keep the jobs list mounted so events merge into it
  useProjectEvents(projectId, (e: ServerEvent) => {
    const d = e.data ?? {};
    switch (e.type) {
      case 'spec.updated':
        invalidate(projectKey(projectId, 'project'));
        invalidate(projectKey(projectId, 'plan'));
        invalidate(projectKey(projectId, 'specversions'));
        break;
      case 'docs.updated':
        invalidate(projectKey(projectId, 'docs'));
        break;
      case 'file.updated':
        invalidate(projectKey(projectId, 'files'));
        break;
      case 'test.result':
        invalidate(projectKey(projectId, 'runs'));
        break;
      case 'job.progress':
        setResource<Job[]>(projectKey(projectId, 'jobs'), (old) => mergeJobEvent(old, d, projectId));
        if (FINISHED.has(String(d.status))) {
          invalidate(projectKey(projectId, 'project'));
          invalidate(projectKey(projectId, 'runs'));
          invalidate(projectKey(projectId, 'files'));
          invalidate(projectKey(projectId, 'docs'));
        } else if (d.status === 'running' && d.message === 'started') {
          invalidate(projectKey(projectId, 'project'));
        }
        break;
      case 'preview.status':
      case 'preview.health':
        setResource<Record<string, unknown>>(projectKey(projectId, 'preview'), (old) => ({ ...old, ...d }));
        break;
      case 'resync':
        invalidate(`p:${projectId}:`);
        break;
    }
  });
}
