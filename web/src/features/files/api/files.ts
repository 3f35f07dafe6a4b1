import { api } from '@/lib/api-client';
import type { Commit, CommitDiff, FileDiff, FileEntry } from '@/lib/api-types';
import { projectApi } from '@/lib/project';

// The OpenAPI document says {data: [...]}; accept a bare array as well (docs/API.md shows one).
export const listFiles = (pid: string) =>
  api.get<{ data?: FileEntry[] } | FileEntry[]>(`${projectApi.base(pid)}/files`).then((r) => (Array.isArray(r) ? r : (r.data ?? [])));
export const readFile = (pid: string, path: string) => api.get<string>(projectApi.file(pid, path), { as: 'text' });
export const writeFile = (pid: string, path: string, content: string) =>
  api.put<{ path: string; size: number }>(projectApi.file(pid, path), undefined, { body: content, headers: { 'Content-Type': 'application/octet-stream' } });

/** Deletes a file; the server commits the deletion ("Delete <path>") as the acting user. */
export const deleteFile = (pid: string, path: string) =>
  api.del<{ path: string; deleted: boolean; commit: string | null }>(projectApi.file(pid, path));

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

// History: GET /api/projects/{pid}/history lists the commits on main, newest first, each with
// the paths it touched; GET .../history/{sha} gives one commit with a unified diff per file.
export const listHistory = (pid: string, limit = 200) =>
  api.get<{ data?: Commit[] }>(`${projectApi.base(pid)}/history`, { query: { limit } }).then((r) => r.data ?? []);
export const getCommit = (pid: string, sha: string) => api.get<CommitDiff>(`${projectApi.base(pid)}/history/${encodeURIComponent(sha)}`);

/** The commits that touched `path`, in the order given (newest first). */
export function commitsTouching(commits: Commit[], path: string): Commit[] {
  return commits.filter((c) => c.files.some((f) => f.path === path));
}

/** The diff of `path` in a commit, if the commit touched it. */
export function fileDiff(commit: CommitDiff | null | undefined, path: string): FileDiff | undefined {
  return commit?.files?.find((f) => f.path === path);
}

export interface PatchLine {
  kind: 'hunk' | 'add' | 'del' | 'same' | 'meta';
  text: string;
  /** line number before (for del and same lines) */
  old?: number;
  /** line number after (for add and same lines) */
  new?: number;
}

/** Splits a unified diff into typed lines with their old and new line numbers; the
 *  `diff --git`, `index`, `---` and `+++` header lines are left out. */
export function parsePatch(patch: string): PatchLine[] {
  const out: PatchLine[] = [];
  let oldNo = 0;
  let newNo = 0;
  let inHunk = false;
  const lines = patch.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const h = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (h) {
      oldNo = Number(h[1]);
      newNo = Number(h[2]);
      inHunk = true;
      out.push({ kind: 'hunk', text: line });
    } else if (!inHunk) {
      if (/^(diff --git|index |--- |\+\+\+ )/.test(line)) continue;
      out.push({ kind: 'meta', text: line });
    } else if (line.startsWith('+')) out.push({ kind: 'add', text: line.slice(1), new: newNo++ });
    else if (line.startsWith('-')) out.push({ kind: 'del', text: line.slice(1), old: oldNo++ });
    else if (line.startsWith('\\')) out.push({ kind: 'meta', text: line });
    else out.push({ kind: 'same', text: line.slice(1), old: oldNo++, new: newNo++ });
  }
  return out;
}
