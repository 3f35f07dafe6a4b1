import { api } from '@/lib/api-client';
import type { Job, JobAccepted, TestRun } from '@/lib/api-types';

export const listRuns = (pid: string) => api.get<{ data: TestRun[] }>(`/api/projects/${encodeURIComponent(pid)}/runs`).then((r) => r.data);
export const runTests = (projectId: string, filter?: string) => api.post<JobAccepted>('/api/test/run', filter ? { projectId, filter } : { projectId });
export const getJob = (id: string) => api.get<Job>(`/api/jobs/${encodeURIComponent(id)}`);

/** "12 passed, 0 failed" (", 1 skipped" when any). */
export function summary(run: Pick<TestRun, 'passed' | 'failed' | 'skipped'>): string {
  const s = `${run.passed ?? 0} passed, ${run.failed ?? 0} failed`;
  return run.skipped ? `${s}, ${run.skipped} skipped` : s;
}
