import { diffLines } from 'diff';
import { api, encodePath } from '@/lib/api-client';
import type { DocEntry, DocHit } from '@/lib/api-types';

const base = (pid: string) => `/api/projects/${encodeURIComponent(pid)}/docs`;

export const listDocs = (pid: string) => api.get<{ data: DocEntry[] }>(base(pid)).then((r) => r.data);
export const getDoc = (pid: string, path: string) => api.get<DocEntry>(`${base(pid)}/${encodePath(path)}`);

/** The sections of every document that match `q`, best first (the server's full-text search). */
export const searchDocs = (pid: string, q: string) =>
  api.get<{ query: string; data: DocHit[] }>(base(pid), { query: { q } }).then((r) => r.data);

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a search snippet at the server's [ ] match markers. */
export function snippetParts(snippet: string): SnippetPart[] {
  const out: SnippetPart[] = [];
  const re = /\[([^\]]*)\]/g;
  let at = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > at) out.push({ text: snippet.slice(at, m.index), match: false });
    out.push({ text: m[1] ?? '', match: true });
    at = m.index + m[0].length;
  }
  if (at < snippet.length) out.push({ text: snippet.slice(at), match: false });
  return out;
}

/** Every version of a document, newest first. (The server answers {data: [...]} for history=1.) */
export async function docHistory(pid: string, path: string): Promise<DocEntry[]> {
  const r = await api.get<{ data: DocEntry[] } | DocEntry>(`${base(pid)}/${encodePath(path)}`, { query: { history: 1 } });
  const list = 'data' in r && Array.isArray(r.data) ? r.data : [r as DocEntry];
  return [...list].sort((a, b) => (b.version ?? 0) - (a.version ?? 0));
}

export interface Section {
  title: string;
  body: string;
}

/** Splits Markdown into sections at level-1 and level-2 headings (text before the first is "Overview"). */
export function sections(markdown: string): Section[] {
  const out: Section[] = [];
  let current: Section = { title: 'Overview', body: '' };
  for (const line of markdown.split('\n')) {
    const m = /^(#{1,2})\s+(.*)$/.exec(line);
    if (m) {
      if (current.body.trim()) out.push(current);
      current = { title: m[2]?.trim() ?? '', body: '' };
    } else {
      current.body += `${line}\n`;
    }
  }
  if (current.body.trim() || out.length === 0) out.push(current);
  return out;
}

export interface DiffLine {
  kind: 'add' | 'del' | 'same';
  text: string;
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'add' : part.removed ? 'del' : 'same';
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) out.push({ kind, text });
  }
  return out;
}
