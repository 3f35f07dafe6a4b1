// The live preview of a generated backend (docs/API.md, "Live preview"): POST /api/preview
// {projectId} starts it, GET|DELETE /api/preview/{projectId} read and stop it; `preview.health`
// events (merged into the same resource by lib/sync) bring state changes, `preview.log` its output.
// The preview's own API is reached through the proxy at PreviewState.url (/preview/{projectId}).
import { api } from './api-client';
import { useCapability } from './capabilities';
import { projectKey } from './project';
import { useResource } from './resource';

export type Health = 'up' | 'down' | 'starting' | 'stopped' | 'unavailable' | 'unknown';

/** What the server answers (and what preview.health events carry). */
export interface ServerPreview {
  projectId?: string;
  state?: 'starting' | 'healthy' | 'unhealthy' | 'stopped';
  reason?: string;
  port?: number;
  startedAt?: string | null;
  url?: string;
  log?: string[];
}

/** The UI's view of it. */
export interface PreviewState {
  status: 'stopped' | 'starting' | 'running' | 'failed';
  /** Base URL of the preview through the server's proxy, e.g. /preview/<pid> */
  url?: string;
  health?: 'up' | 'down';
  message?: string;
  startedAt?: string | null;
}

export function toPreviewState(s: ServerPreview | undefined): PreviewState | undefined {
  if (!s?.state) return undefined;
  const base = { url: s.url, message: s.reason, startedAt: s.startedAt ?? null };
  switch (s.state) {
    case 'starting':
      return { ...base, status: 'starting' };
    case 'healthy':
      return { ...base, status: 'running', health: 'up' };
    case 'unhealthy':
      return { ...base, status: 'running', health: 'down' };
    default:
      // Stopped by a user or idle is "stopped"; a preview that died on its own is "failed".
      return { ...base, status: s.reason && /ended|exit|crash|fail|signal|killed|limit/i.test(s.reason) ? 'failed' : 'stopped' };
  }
}

const statusPath = (pid: string) => `/api/preview/${encodeURIComponent(pid)}`;

export function usePreview(pid: string): { available: boolean | undefined; state: PreviewState | undefined; health: Health; error: unknown; reload: () => void } {
  const available = useCapability('previewStatus');
  const r = useResource<ServerPreview>(available ? projectKey(pid, 'preview') : null, () => api.get<ServerPreview>(statusPath(pid)));
  const state = toPreviewState(r.data);
  let health: Health = 'unknown';
  if (available === false) health = 'unavailable';
  else if (state) {
    if (state.status === 'running') health = state.health === 'down' ? 'down' : 'up';
    else if (state.status === 'starting') health = 'starting';
    else if (state.status === 'failed') health = 'down';
    else health = 'stopped';
  }
  return { available, state, health, error: r.error, reload: r.reload };
}

export const previewApi = {
  start: (pid: string) => api.post<ServerPreview>('/api/preview', { projectId: pid }),
  stop: (pid: string) => api.del<undefined>(statusPath(pid)),
};
