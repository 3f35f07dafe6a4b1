import { api } from '@/lib/api-client';
import type { JobAccepted } from '@/lib/api-types';

export const startGenerate = (projectId: string) => api.post<JobAccepted>('/api/generate', { projectId });
export const cancelJob = (id: string) => api.post(`/api/jobs/${encodeURIComponent(id)}/cancel`, {});

/** The test-first pipeline's steps, in order (run::Pipeline::Steps() on the server). */
export const PIPELINE_STEPS: { name: string; title: string }[] = [
  { name: 'toolchain', title: 'Check the toolchain' },
  { name: 'generate-tests', title: 'Write the tests and a stub implementation' },
  { name: 'install', title: 'Install dependencies' },
  { name: 'test-red', title: 'Run the tests against the stubs (they must fail)' },
  { name: 'implement', title: 'Write the implementation' },
  { name: 'build', title: 'Build' },
  { name: 'test-green', title: 'Run the tests against the implementation (they must pass)' },
  { name: 'format-lint', title: 'Format and lint' },
  { name: 'test-final', title: 'Run the tests again after formatting' },
  { name: 'commit', title: 'Commit to git' },
];

export interface StepRecord {
  name: string;
  title: string;
  status: string;
  startedAt?: string;
  durationMs?: number;
  detail?: string;
  tests?: { passed?: number; failed?: number; skipped?: number };
}
