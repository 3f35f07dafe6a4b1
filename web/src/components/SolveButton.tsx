// "Solve" on a failing test or an error: asks the server's solve endpoint to fix it and shows
// what it did. Servers without the endpoint get a disabled button that says so.
import { useState } from 'react';
import { Wand2 } from 'lucide-react';
import { api, errorMessage } from '@/lib/api-client';
import { useCapability } from '@/lib/capabilities';
import { Dialog } from './Dialog';
import { Markdown } from './Markdown';

/** POST /api/projects/{pid}/solve answers 202 with the diagnosis; the fix runs as a job. */
interface SolveAccepted {
  jobId: string;
  diagnosis?: {
    runId?: string;
    failing?: { name: string; message?: string; location?: string }[];
    error?: { text: string; location?: string };
  };
}

export interface SolveResult {
  summary: string;
  changes?: { path: string; diff?: string }[];
  jobId?: string;
}

export function describeSolve(a: SolveAccepted): SolveResult {
  const lines: string[] = [];
  const failing = a.diagnosis?.failing ?? [];
  if (failing.length) {
    lines.push(`**Failing in the last run (${failing.length}):**`, '');
    for (const f of failing.slice(0, 10)) lines.push(`- \`${f.name}\`${f.location ? ` at \`${f.location}\`` : ''}${f.message ? `: ${f.message.split('\n')[0]}` : ''}`);
    lines.push('');
  }
  if (a.diagnosis?.error?.location) lines.push(`The error points at \`${a.diagnosis.error.location}\`.`, '');
  lines.push('Solve restores generated files that were deleted or changed without a commit, runs the tests again and commits only when they pass. Follow it in the jobs terminal.');
  return { summary: lines.join('\n'), jobId: a.jobId };
}

export function SolveButton({ projectId, kind, reference, detail }: { projectId: string; kind: 'test' | 'error'; reference: string; detail?: string }) {
  const available = useCapability('solve');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SolveResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const label = available ? `Solve ${kind === 'test' ? 'this failing test' : 'this error'}` : 'Solve is not available on this server';

  async function solve() {
    setBusy(true);
    setError(null);
    try {
      const error = (kind === 'test' ? `Failing test: ${reference}` : reference) + (detail ? `\n${detail}` : '');
      setResult(describeSolve(await api.post<SolveAccepted>(`/api/projects/${encodeURIComponent(projectId)}/solve`, { error })));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="btn btn-ghost btn-sm" aria-label={label} data-tip={label} data-tip-side="left" disabled={!available || busy} onClick={() => void solve()} data-testid="solve-button">
        <Wand2 className="size-3.5" aria-hidden /> Solve
      </button>
      <Dialog open={result !== null || error !== null} onClose={() => { setResult(null); setError(null); }} title={error ? 'Could not solve it' : 'What Solve did'} size="lg">
        {error !== null && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{errorMessage(error)}</p>}
        {result && (
          <div className="space-y-3">
            <Markdown source={result.summary} />
            {result.changes?.map((c) => (
              <details key={c.path} className="card p-2 text-sm" open>
                <summary className="cursor-pointer font-mono text-xs">{c.path}</summary>
                {c.diff && <pre className="mt-2 overflow-x-auto text-xs">{c.diff}</pre>}
              </details>
            ))}
          </div>
        )}
      </Dialog>
    </>
  );
}
