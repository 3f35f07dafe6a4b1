// Calls to the generated backend's own API through the preview proxy (docs/CONTRACT.md:
// lists are {data, page, limit, total}; writes need its bearer token). This is not the
// BackendForge API, so it has its own small client with the same error shape.
import { ApiError, readCookie } from '@/lib/api-client';
import type { JsonSchema, OpenApiDocument } from '@/lib/project';

export interface Page<T> {
  data: T[];
  page: number;
  limit: number;
  total: number;
}
export type Row = Record<string, unknown> & { id?: string | number };

// The proxy signs the request in with BackendForge's cookies (and so wants the CSRF token on
// writes) and forwards X-Preview-Authorization to the preview as its Authorization header.
function csrf(): Record<string, string> {
  const t = readCookie('bf_csrf');
  return t ? { 'X-CSRF-Token': t } : {};
}

export async function previewCall<T>(base: string, path: string, init: { method?: string; token?: string; json?: unknown } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${base.replace(/\/$/, '')}${path}`, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', ...(init.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(init.token ? { 'X-Preview-Authorization': `Bearer ${init.token}` } : {}), ...csrf() },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network', detail: 'The preview could not be reached.' });
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  if (!res.ok) {
    throw new ApiError({ status: res.status, code: String(body?.code ?? `http.${res.status}`), detail: String(body?.detail ?? body?.title ?? res.statusText), errors: (body?.errors as { path: string; message: string }[]) ?? [] });
  }
  return body as T;
}

export interface Collection {
  name: string;
  path: string;
  schema: JsonSchema | undefined;
  canCreate: boolean;
  /** who may create rows, from the generated API's "Allowed: …" note (e.g. "admin"); '' if not said */
  createAllowed: string;
}

/** The roles an operation's description allows ("Allowed: owner, admin."), or ''. */
export function allowedOf(description: string | undefined): string {
  return /Allowed: ([^.\n]+)/.exec(description ?? '')?.[1]?.trim() ?? '';
}

/** The table DB Data opens first: one any signed-in user can add rows to, else the first with a
 *  create at all (accounts themselves come from /auth/register, so the user table has none). */
export function defaultCollection(list: Collection[]): number {
  const open = list.findIndex((c) => c.canCreate && /any signed-in user/i.test(c.createAllowed));
  return open >= 0 ? open : Math.max(0, list.findIndex((c) => c.canCreate));
}

function resolve(doc: OpenApiDocument, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split('/').pop() ?? '']);
  if (s.allOf) return { type: 'object', properties: Object.assign({}, ...s.allOf.map((x) => resolve(doc, x)?.properties ?? {})), required: s.allOf.flatMap((x) => resolve(doc, x)?.required ?? []) };
  return s;
}

/** The entity collections of the API: /api/<plural> with a GET (and a POST to create rows). */
export function collections(doc: OpenApiDocument): Collection[] {
  const out: Collection[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const m = /^\/api\/([a-z0-9-]+)$/.exec(path);
    if (!m || !item.get || m[1] === 'events') continue;
    const post = item.post;
    const schema = resolve(doc, post?.requestBody?.content?.['application/json']?.schema);
    out.push({ name: item.get.tags?.[0] ?? m[1] ?? path, path, schema, canCreate: Boolean(post), createAllowed: allowedOf(post?.description) });
  }
  return out;
}

/** A relation of the project's spec, as far as references need it (AppSpec.relations[]). */
export interface SpecRelation {
  from: string;
  to: string;
  kind: string;
  inverse?: string;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The collection each reference field of `collection` points at: a uuid field `<x>Id` is the
 * foreign key of a spec relation from X (its `inverse`, or X's name in lower camel case, names
 * the field); without the spec, `<x>Id` points at the collection whose entity is named X.
 */
export function referenceTargets(collection: Collection, all: Collection[], relations: SpecRelation[] = []): Record<string, Collection> {
  const out: Record<string, Collection> = {};
  const byName = (name: string) => all.find((c) => c.name.toLowerCase() === name.toLowerCase());
  for (const [field, s] of Object.entries(collection.schema?.properties ?? {})) {
    if (s.format !== 'uuid' || !field.endsWith('Id') || field === 'id') continue;
    const rel = relations.find((r) => r.kind !== 'many-to-many' && r.to.toLowerCase() === collection.name.toLowerCase() && `${r.inverse || lowerFirst(r.from)}Id` === field);
    const target = rel ? byName(rel.from) : byName(field.slice(0, -2));
    if (target) out[field] = target;
  }
  return out;
}

/** A short human label for a row: its first name-like field, else its first short string. */
export function rowLabel(row: Row): string {
  const id = String(row.id ?? '');
  for (const k of ['name', 'title', 'fullName', 'displayName', 'label', 'email', 'slug', 'sku', 'code']) {
    const v = row[k];
    if (typeof v === 'string' && v) return `${v} (${id.slice(0, 8)})`;
  }
  for (const [k, v] of Object.entries(row)) {
    if (k === 'id' || typeof v !== 'string' || !v || v.length > 60 || /Id$|At$/.test(k)) continue;
    return `${v} (${id.slice(0, 8)})`;
  }
  return id;
}
