// What this server offers, read from its own OpenAPI document (GET /api/openapi.json). Tabs
// whose endpoints come from a later server iteration (preview, solve, git history) check here
// and show "not available on this server" instead of failing or faking a result.
import { api } from './api-client';
import { useResource } from './resource';

export interface OpenApiDoc {
  paths?: Record<string, Record<string, unknown>>;
  info?: { version?: string };
}

/** Endpoints the UI uses beyond the first server iteration. Names are the server's paths. */
export const FUTURE = {
  previewStart: ['post', '/api/preview'],
  previewStatus: ['get', '/api/preview/{projectId}'],
  previewStop: ['delete', '/api/preview/{projectId}'],
  solve: ['post', '/api/projects/{pid}/solve'],
  history: ['get', '/api/projects/{pid}/history'],
  historyDiff: ['get', '/api/projects/{pid}/history/{sha}'],
} as const;
export type Capability = keyof typeof FUTURE;

export function hasCapability(doc: OpenApiDoc | undefined, cap: Capability): boolean {
  const [method, path] = FUTURE[cap];
  return Boolean(doc?.paths?.[path]?.[method]);
}

export function useServerApi() {
  return useResource<OpenApiDoc>('server:openapi', () => api.get<OpenApiDoc>('/api/openapi.json'));
}

/** undefined while the document loads. */
export function useCapability(cap: Capability): boolean | undefined {
  const { data, error } = useServerApi();
  if (!data && !error) return undefined;
  return hasCapability(data, cap);
}
