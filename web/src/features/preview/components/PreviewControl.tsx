import { useState } from 'react';
import { Play, Square } from 'lucide-react';
import { reportError } from '@/lib/bus';
import { previewApi, usePreview, type Health } from '@/lib/preview';
import { invalidate } from '@/lib/resource';
import { projectKey } from '@/lib/project';

const DOT: Record<Health, string> = {
  up: 'bg-emerald-500',
  down: 'bg-red-500',
  starting: 'bg-amber-500 animate-pulse',
  stopped: 'bg-zinc-400',
  unavailable: 'bg-zinc-300 dark:bg-zinc-600',
  unknown: 'bg-zinc-300 dark:bg-zinc-600',
};
const TEXT: Record<Health, string> = {
  up: 'Preview running',
  down: 'Preview down',
  starting: 'Preview starting',
  stopped: 'Preview stopped',
  unavailable: 'Preview unavailable',
  unknown: 'Preview',
};

/** Header control: start/stop the live preview, with its health. */
export function PreviewControl({ projectId, generated, canEdit }: { projectId: string; generated: boolean; canEdit: boolean }) {
  const p = usePreview(projectId);
  const [busy, setBusy] = useState(false);
  const running = p.state?.status === 'running' || p.state?.status === 'starting';
  const tip =
    p.available === false ? 'Preview is not available on this server (no /api/projects/{pid}/preview)' : !generated ? 'Generate the backend first' : running ? 'Stop the preview' : 'Start a live preview';

  async function toggle() {
    setBusy(true);
    try {
      if (running) await previewApi.stop(projectId);
      else await previewApi.start(projectId);
      invalidate(projectKey(projectId, 'preview'));
    } catch (e) {
      reportError.emit({ title: running ? 'Could not stop the preview' : 'Could not start the preview', error: e });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-1.5">
      <button type="button" className="btn btn-secondary" data-testid="preview-button" aria-description={tip} data-tip={tip} disabled={p.available !== true || !generated || !canEdit || busy} onClick={() => void toggle()}>
        {running ? <Square className="size-3.5" aria-hidden /> : <Play className="size-4" aria-hidden />}
        <span className="sr-only md:not-sr-only">{running ? 'Stop' : 'Preview'}</span>
      </button>
      <span className="flex items-center gap-1.5 text-xs whitespace-nowrap muted" data-testid="preview-status" data-state={p.health} role="status" title={TEXT[p.health]}>
        <span className={`size-2 shrink-0 rounded-full ${DOT[p.health]}`} aria-hidden />
        <span className="sr-only xl:not-sr-only">{TEXT[p.health]}</span>
      </span>
    </div>
  );
}
