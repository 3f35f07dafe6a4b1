// The services diagram's model: clients -> API -> one service per resource (auth, each entity)
// -> database, with each service's endpoints. Built from the project's OpenAPI document.
import type { Operation } from '@/lib/project';

export interface ServiceModel {
  id: string;
  name: string;
  kind: 'auth' | 'entity' | 'system' | 'events';
  endpoints: { method: string; path: string; summary?: string }[];
}

// Dark enough for white text (WCAG AA 4.5:1) in both themes.
const PALETTE = ['#4f46e5', '#0369a1', '#047857', '#b45309', '#be185d', '#6d28d9', '#0f766e', '#b91c1c', '#3f6212', '#c2410c'];

export function serviceColor(index: number, kind: ServiceModel['kind']): string {
  if (kind === 'auth') return '#7e22ce';
  if (kind === 'system') return '#52525b';
  if (kind === 'events') return '#854d0e';
  return PALETTE[index % PALETTE.length] ?? '#6366f1';
}

export function buildServices(ops: Operation[]): ServiceModel[] {
  const map = new Map<string, ServiceModel>();
  for (const { method, path, op } of ops) {
    let id: string;
    let name: string;
    let kind: ServiceModel['kind'];
    const seg = path.split('/').filter(Boolean);
    if (seg[0] === 'auth') {
      id = 'auth';
      name = 'Auth';
      kind = 'auth';
    } else if (seg[0] === 'api' && seg[1] === 'events') {
      id = 'events';
      name = 'Events (SSE)';
      kind = 'events';
    } else if (seg[0] === 'api' && seg[1]) {
      id = seg[1];
      name = op.tags?.[0] ?? seg[1];
      kind = 'entity';
    } else {
      id = 'system';
      name = 'System';
      kind = 'system';
    }
    let s = map.get(id);
    if (!s) map.set(id, (s = { id, name, kind, endpoints: [] }));
    s.endpoints.push({ method, path, ...(op.summary ? { summary: op.summary } : {}) });
  }
  const order = { system: 0, auth: 1, entity: 2, events: 3 };
  return [...map.values()].sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
}
