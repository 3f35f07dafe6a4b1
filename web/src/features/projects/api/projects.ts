import { api } from '@/lib/api-client';
import type { Project, ProjectInput, Workspace } from '@/lib/api-types';

export const listWorkspaces = () => api.get<{ data: Workspace[] }>('/api/workspaces').then((r) => r.data);
export const listProjects = (wid: string) =>
  api.get<{ data: Project[] }>(`/api/workspaces/${encodeURIComponent(wid)}/projects`).then((r) => r.data);
export const createProject = (wid: string, input: ProjectInput) =>
  api.post<Project>(`/api/workspaces/${encodeURIComponent(wid)}/projects`, input);
export const deleteProject = (pid: string) => api.del<undefined>(`/api/projects/${encodeURIComponent(pid)}`);
