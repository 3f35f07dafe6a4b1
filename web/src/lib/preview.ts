// The live preview of a generated backend. Its endpoints come from a later server iteration;
// until the server's OpenAPI document lists them, everything here reports "unavailable" and
// never calls them. Expected shape (see the web README): GET/POST/DELETE
// /api/projects/{pid}/preview -> PreviewState; events preview.status (PreviewState) and
// preview.log ({line}); the preview's own API is reached through PreviewState.url.
import { api } from './api-client';
import { useCapability } from './capabilities';
import { projectKey } from './project';
import { useResource } from './resource';

export type Health = 'up' | 'down' | 'starting' | 'stopped' | 'unavailable' | 'unknown';

export interface PreviewState {
  status: 'stopped' | 'starting' | 'running' | 'failed';
  /** Base URL of the preview through the server's proxy, e.g. /api/projects/<pid>/preview/proxy */
  url?: string;
  health?: 'up' | 'down';
  message?: string;
  startedAt?: string | null;
}

const path = (pid: string) => `/api/projects/${encodeURIComponent(pid)}/preview`;

export function usePreview(pid: string): { available: boolean | undefined; state: PreviewState | undefined; health: Health; error: unknown; reload: () => void } {
  const available = useCapability('previewStatus');
  const r = useResource<PreviewState>(available ? projectKey(pid, 'preview') : null, () => api.get<PreviewState>(path(pid)));
  let health: Health = 'unknown';
  if (available === false) health = 'unavailable';
  else if (r.data) {
    if (r.data.status === 'running') health = r.data.health === 'down' ? 'down' : 'up';
    else if (r.data.status === 'starting') health = 'starting';
    else if (r.data.status === 'failed') health = 'down';
    else health = 'stopped';
  }
  return { available, state: r.data, health, error: r.error, reload: r.reload };
}

export const previewApi = {
  start: (pid: string) => api.post<PreviewState>(path(pid), {}),
  stop: (pid: string) => api.del<PreviewState | undefined>(path(pid)),
};
