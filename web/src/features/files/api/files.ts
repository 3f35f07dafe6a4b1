import { api } from '@/lib/api-client';
import type { FileEntry } from '@/lib/api-types';
import { projectApi } from '@/lib/project';

// The OpenAPI document says {data: [...]}; accept a bare array as well (docs/API.md shows one).
export const listFiles = (pid: string) =>
  api.get<{ data?: FileEntry[] } | FileEntry[]>(`${projectApi.base(pid)}/files`).then((r) => (Array.isArray(r) ? r : (r.data ?? [])));
export const readFile = (pid: string, path: string) => api.get<string>(projectApi.file(pid, path), { as: 'text' });
export const writeFile = (pid: string, path: string, content: string) =>
  api.put<{ path: string; size: number }>(projectApi.file(pid, path), undefined, { body: content, headers: { 'Content-Type': 'application/octet-stream' } });

export interface TreeNode {
  name: string;
  path: string;
  size?: number;
  children?: TreeNode[];
}

/** Builds a folder tree (folders first, then files, each sorted by name) from flat paths. */
export function buildTree(files: FileEntry[]): TreeNode[] {
  const root: TreeNode = { name: '', path: '', children: [] };
  for (const f of files) {
    const parts = (f.path ?? '').split('/').filter(Boolean);
    let node = root;
    parts.forEach((part, i) => {
      const path = parts.slice(0, i + 1).join('/');
      const leaf = i === parts.length - 1;
      node.children ??= [];
      let child = node.children.find((c) => c.name === part && Boolean(c.children) === !leaf);
      if (!child) {
        child = leaf ? { name: part, path, ...(f.size !== undefined ? { size: f.size } : {}) } : { name: part, path, children: [] };
        node.children.push(child);
      }
      node = child;
    });
  }
  const sort = (n: TreeNode[]): TreeNode[] =>
    n
      .sort((a, b) => Number(Boolean(b.children)) - Number(Boolean(a.children)) || a.name.localeCompare(b.name))
      .map((c) => (c.children ? { ...c, children: sort(c.children) } : c));
  return sort(root.children ?? []);
}

const LANG: Record<string, string> = {
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  json: 'javascript', py: 'python', go: 'go', rs: 'rust', java: 'java', cc: 'cpp', cpp: 'cpp', h: 'cpp', hpp: 'cpp',
  yml: 'yaml', yaml: 'yaml', md: 'markdown', sh: 'shell', sql: 'sql', toml: 'ini', ini: 'ini', env: 'ini', html: 'html', css: 'css', xml: 'xml',
};

export function languageOf(path: string): string {
  const name = path.split('/').pop() ?? '';
  if (name === 'Dockerfile') return 'dockerfile';
  return LANG[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'plaintext';
}
