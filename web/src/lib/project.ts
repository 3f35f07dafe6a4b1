// Reads that several features share: the project itself, its plan, its OpenAPI document and
// its jobs. Keys are "p:<pid>:<what>" so one invalidate("p:<pid>:") refreshes a project.
import { api, encodePath } from './api-client';
import type { Job, Project } from './api-types';
import { useResource } from './resource';

export const projectKey = (pid: string, what: string) => `p:${pid}:${what}`;
const base = (pid: string) => `/api/projects/${encodeURIComponent(pid)}`;

export function useProject(pid: string) {
  return useResource<Project>(projectKey(pid, 'project'), () => api.get<Project>(base(pid)));
}

export interface PlanDoc {
  specVersion: number;
  markdown: string;
}

/** The plan, or null while the project has none (the server answers 404 "no plan yet"). */
export function usePlan(pid: string) {
  return useResource<PlanDoc | null>(projectKey(pid, 'plan'), () =>
    api.get<PlanDoc>(`${base(pid)}/plan`, { query: { format: 'json' } }).catch((e: unknown) => {
      if (e && typeof e === 'object' && 'status' in e && (e as { status: number }).status === 404 && 'code' in e && (e as { code: string }).code === 'not_found') return null;
      throw e;
    }),
  );
}

export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
export interface OpenApiOperation {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string }>;
  security?: unknown[];
}
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  readOnly?: boolean;
  description?: string;
  default?: unknown;
  allOf?: JsonSchema[];
}

/** The generated backend's OpenAPI document, built by the server from the current spec. */
export function useProjectOpenApi(pid: string, specVersion: number) {
  return useResource<OpenApiDocument | null>(specVersion > 0 ? projectKey(pid, `openapi:${specVersion}`) : null, () =>
    api.get<OpenApiDocument>('/api/export', { query: { projectId: pid, format: 'openapi-json' } }),
  );
}

export function useJobs(pid: string) {
  return useResource<Job[]>(projectKey(pid, 'jobs'), () => api.get<{ data: Job[] }>(`${base(pid)}/jobs`).then((r) => r.data));
}

export const projectApi = {
  base,
  file: (pid: string, path: string) => `${base(pid)}/files/${encodePath(path)}`,
};

export interface Operation {
  method: string;
  path: string;
  op: OpenApiOperation;
}

/** Every operation of a document, in document order. */
export function operations(doc: OpenApiDocument | null | undefined): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc?.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}
