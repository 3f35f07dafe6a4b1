import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Database, KeyRound, Pencil, Plus, RefreshCw, Trash2 } from 'lucide-react';
import { Dialog } from '@/components/Dialog';
import { Empty, ErrorState, Loading, Skeleton, Unavailable } from '@/components/States';
import { errorMessage } from '@/lib/api-client';
import { usePreview } from '@/lib/preview';
import { useProject, useProjectOpenApi, type JsonSchema } from '@/lib/project';
import { api } from '@/lib/api-client';
import type { AppSpec } from '@/lib/api-types';
import { projectApi, projectKey } from '@/lib/project';
import { useResource } from '@/lib/resource';
import { collections, defaultCollection, previewCall, referenceTargets, rowLabel, type Collection, type Page, type Row, type SpecRelation } from '../api/preview-api';

const SYSTEM = new Set(['id', 'createdAt', 'updatedAt']);

function cell(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

type Choices = Record<string, { target: Collection; rows: Row[] | null; error?: unknown }>;

/** The rows a reference field can point at, read from the referenced table through the preview. */
function useChoices(base: string, token: string, refs: Record<string, Collection>): Choices {
  const [choices, setChoices] = useState<Choices>({});
  const key = Object.entries(refs).map(([k, t]) => `${k}=${t.path}`).join(',');
  useEffect(() => {
    let alive = true;
    for (const [k, target] of Object.entries(refs)) {
      previewCall<Page<Row>>(base, `${target.path}?page=1&limit=100`, { token }).then(
        (p) => alive && setChoices((c) => ({ ...c, [k]: { target, rows: p.data } })),
        (e: unknown) => alive && setChoices((c) => ({ ...c, [k]: { target, rows: [], error: e } })),
      );
    }
    return () => {
      alive = false;
    };
    // The references are derived from the schema; `key` names them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, token, key]);
  return Object.fromEntries(Object.entries(refs).map(([k, target]) => [k, choices[k]?.target.path === target.path ? choices[k] : { target, rows: null }]));
}

function RowForm({ schema, initial, onSubmit, busy, error, choices }: { schema: JsonSchema | undefined; initial: Row | null; onSubmit: (v: Record<string, unknown>) => void; busy: boolean; error: unknown; choices: Choices }) {
  const props = Object.entries(schema?.properties ?? {}).filter(([k, s]) => !SYSTEM.has(k) && !s.readOnly);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(props.map(([k, s]) => [k, initial === null ? (s.default !== undefined && s.default !== null ? cell(s.default) : s.enum && schema?.required?.includes(k) ? String(s.enum[0] ?? '') : '') : initial[k] === undefined || initial[k] === null ? '' : cell(initial[k])])));
  // A new row's required reference starts on the first existing row it can point at.
  const firstChoice = (k: string) => (initial === null && schema?.required?.includes(k) ? (choices[k]?.rows?.[0]?.id ?? '') : '');
  const value = (k: string) => values[k] ?? '';
  const shown = (k: string) => (k in values && values[k] !== '' ? value(k) : choices[k] ? String(firstChoice(k)) : value(k));
  function submit(e: FormEvent) {
    e.preventDefault();
    const out: Record<string, unknown> = {};
    for (const [k, s] of props) {
      const raw = shown(k);
      if (raw === '' && !schema?.required?.includes(k)) continue;
      const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
      out[k] = t === 'integer' || t === 'number' ? Number(raw) : t === 'boolean' ? raw === 'true' : t === 'object' || t === 'array' ? JSON.parse(raw || 'null') : raw;
    }
    onSubmit(out);
  }
  return (
    <form id="row-form" onSubmit={submit} className="space-y-3" data-testid="row-form">
      {error !== null && error !== undefined && <p role="alert" className="text-sm text-red-700 dark:text-red-300">{errorMessage(error)}</p>}
      {props.map(([k, s]) => {
        const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
        return (
          <div key={k}>
            <label className="label" htmlFor={`row-${k}`}>{k}{schema?.required?.includes(k) ? ' *' : ''} <span className="font-normal muted">{t}{s.format ? ` · ${s.format}` : ''}</span></label>
            {choices[k] ? (
              choices[k].rows === null ? (
                <select id={`row-${k}`} className="input" disabled data-testid={`row-field-${k}`}><option>Loading {choices[k].target.name} rows…</option></select>
              ) : (
                <>
                  <select id={`row-${k}`} className="input" value={shown(k)} onChange={(e) => setValues({ ...values, [k]: e.target.value })} data-testid={`row-field-${k}`} data-reference={choices[k].target.name} aria-describedby={choices[k].rows.length ? undefined : `row-${k}-hint`}>
                    {(!schema?.required?.includes(k) || !choices[k].rows.length) && <option value="">—</option>}
                    {shown(k) && !choices[k].rows.some((r) => String(r.id) === shown(k)) && <option value={shown(k)}>{shown(k)}</option>}
                    {choices[k].rows.map((r) => <option key={String(r.id)} value={String(r.id)}>{rowLabel(r)}</option>)}
                  </select>
                  {!choices[k].rows.length && (
                    <p id={`row-${k}-hint`} className="mt-1 text-xs muted">
                      {choices[k].error ? `Could not read ${choices[k].target.name} rows: ${errorMessage(choices[k].error)}` : `No ${choices[k].target.name} rows yet: create one in the ${choices[k].target.name} table first.`}
                    </p>
                  )}
                </>
              )
            ) : s.enum ? (
              <select id={`row-${k}`} className="input" value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })}>
                <option value="">—</option>
                {s.enum.map((o) => <option key={String(o)}>{String(o)}</option>)}
              </select>
            ) : t === 'boolean' ? (
              <select id={`row-${k}`} className="input" value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })}>
                <option value="">—</option><option>true</option><option>false</option>
              </select>
            ) : (
              <input id={`row-${k}`} data-testid={`row-field-${k}`} className="input" type={t === 'integer' || t === 'number' ? 'number' : 'text'} value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} />
            )}
          </div>
        );
      })}
      <div className="flex justify-end pt-1">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="row-save">Save</button>
      </div>
    </form>
  );
}

function Grid({ base, collection, token, refs }: { base: string; collection: Collection; token: string; refs: Record<string, Collection> }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Row> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<unknown>(null);

  const load = useCallback(() => {
    setError(null);
    previewCall<Page<Row>>(base, `${collection.path}?page=${page}&limit=20`, { token }).then(setData, setError);
  }, [base, collection.path, page, token]);
  useEffect(load, [load]);

  const columns = useMemo(() => {
    const keys = new Set<string>(['id']);
    Object.keys(collection.schema?.properties ?? {}).forEach((k) => keys.add(k));
    data?.data.forEach((r) => Object.keys(r).forEach((k) => keys.add(k)));
    return [...keys].slice(0, 8);
  }, [collection.schema, data]);

  const choices = useChoices(base, token, editing !== null ? refs : {});

  async function save(values: Record<string, unknown>) {
    setBusy(true);
    setFormError(null);
    try {
      if (editing === 'new') await previewCall(base, collection.path, { method: 'POST', token, json: values });
      else if (editing) await previewCall(base, `${collection.path}/${encodeURIComponent(String(editing.id))}`, { method: 'PATCH', token, json: values });
      setEditing(null);
      load();
    } catch (e) {
      setFormError(e);
    } finally {
      setBusy(false);
    }
  }
  async function remove(row: Row) {
    if (!confirm(`Delete ${collection.name} ${String(row.id)}?`)) return;
    try {
      await previewCall(base, `${collection.path}/${encodeURIComponent(String(row.id))}`, { method: 'DELETE', token });
      load();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-2 px-4 py-2">
        <span className="text-sm muted">{data ? `${data.total} rows` : ''}</span>
        <button type="button" className="btn btn-ghost btn-icon ml-auto" aria-label="Reload" data-tip="Reload" onClick={load}><RefreshCw className="size-4" aria-hidden /></button>
        {collection.canCreate && collection.createAllowed && <span className="text-xs muted" data-testid="db-create-allowed">New rows: {collection.createAllowed}</span>}
        {collection.canCreate && <button type="button" className="btn btn-primary btn-sm" data-testid="row-new" onClick={() => { setFormError(null); setEditing('new'); }}><Plus className="size-3.5" aria-hidden /> New row</button>}
      </div>
      {error !== null ? <ErrorState error={error} onRetry={load} /> : !data ? <Loading /> : (
        <div className="min-h-0 flex-1 overflow-auto px-4 pb-4" tabIndex={0} role="region" aria-label="Rows">
          <table className="w-full border-collapse text-left text-[13px]" data-testid="db-grid">
            <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
              <tr>{columns.map((c) => <th key={c} className="border-b border-zinc-200 px-2 py-1.5 font-semibold dark:border-zinc-800">{c}</th>)}<th className="w-20 border-b border-zinc-200 dark:border-zinc-800"><span className="sr-only">Actions</span></th></tr>
            </thead>
            <tbody>
              {data.data.map((r) => (
                <tr key={String(r.id)} className="hover:bg-zinc-50 dark:hover:bg-zinc-900" data-testid="db-row" data-row-id={String(r.id)}>
                  {columns.map((c) => <td key={c} className="max-w-56 truncate border-b border-zinc-100 px-2 py-1.5 font-mono text-xs dark:border-zinc-800">{cell(r[c])}</td>)}
                  <td className="border-b border-zinc-100 text-right whitespace-nowrap dark:border-zinc-800">
                    <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label="Edit row" data-tip="Edit" onClick={() => { setFormError(null); setEditing(r); }}><Pencil className="size-3.5" aria-hidden /></button>
                    <button type="button" className="btn btn-ghost btn-icon h-7 w-7" aria-label="Delete row" data-tip="Delete" data-tip-side="left" onClick={() => void remove(r)}><Trash2 className="size-3.5" aria-hidden /></button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.data.length === 0 && <p className="py-8 text-center text-sm muted">No rows yet.</p>}
          {data.total > data.limit && (
            <div className="mt-3 flex items-center justify-end gap-2 text-sm">
              <button type="button" className="btn btn-secondary btn-sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</button>
              <span className="muted">Page {page} of {Math.ceil(data.total / data.limit)}</span>
              <button type="button" className="btn btn-secondary btn-sm" disabled={page * data.limit >= data.total} onClick={() => setPage(page + 1)}>Next</button>
            </div>
          )}
        </div>
      )}
      <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? `New ${collection.name}` : `Edit ${collection.name}`}>
        {editing !== null && <RowForm schema={collection.schema} initial={editing === 'new' ? null : editing} onSubmit={(v) => void save(v)} busy={busy} error={formError} choices={choices} />}
      </Dialog>
    </div>
  );
}

export function DbDataTab({ projectId }: { projectId: string }) {
  const preview = usePreview(projectId);
  const project = useProject(projectId);
  const doc = useProjectOpenApi(projectId, project.data?.specVersion ?? 0);
  const [active, setActive] = useState<number | null>(null);
  const [token, setToken] = useState('');
  const [cred, setCred] = useState({ email: 'dev@example.com', password: 'preview-password' });
  const [authError, setAuthError] = useState<unknown>(null);
  const list = useMemo(() => (doc.data ? collections(doc.data) : []), [doc.data]);
  // The spec's relations name the table each foreign key points at.
  const spec = useResource<AppSpec | null>(projectKey(projectId, `spec:${project.data?.specVersion ?? 0}`), () =>
    api.get<{ spec: AppSpec }>(`${projectApi.base(projectId)}/spec`).then((r) => r.spec, () => null),
  );
  const relations = useMemo<SpecRelation[]>(() => spec.data?.relations ?? [], [spec.data]);

  if (preview.available === undefined) return <Skeleton lines={4} />;
  if (preview.available === false)
    return <Unavailable feature="DB Data" endpoint="/api/projects/{pid}/preview">The grid reads and writes rows through the running preview's API.</Unavailable>;
  if (preview.error) return <ErrorState error={preview.error} onRetry={preview.reload} />;
  const base = preview.state?.url;
  if (preview.state?.status !== 'running' || !base)
    return <Empty icon={<Database className="size-8" />} title="The preview is not running">Start the preview from the header to browse and edit its data.</Empty>;
  if (!doc.data) return <Skeleton lines={4} />;
  // Until a table is picked, open one the signed-in preview user may add rows to.
  const shown = active ?? defaultCollection(list);
  const collection = list[shown];

  async function signIn(e: FormEvent) {
    e.preventDefault();
    setAuthError(null);
    try {
      await previewCall(base as string, '/auth/register', { method: 'POST', json: { ...cred, name: 'Preview developer' } }).catch(() => undefined);
      const r = await previewCall<{ accessToken: string }>(base as string, '/auth/login', { method: 'POST', json: cred });
      setToken(r.accessToken);
    } catch (err) {
      setAuthError(err);
    }
  }

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <label htmlFor="db-collection" className="text-sm muted">Table</label>
        <select id="db-collection" className="input h-8 w-auto py-0" value={shown} onChange={(e) => setActive(Number(e.target.value))} data-testid="db-collection">
          {list.map((c, i) => <option key={c.path} value={i}>{c.name}</option>)}
        </select>
        {!token ? (
          <form onSubmit={signIn} className="ml-auto flex flex-wrap items-center gap-2">
            <KeyRound className="size-4 muted" aria-hidden />
            <input aria-label="Preview email" className="input h-8 w-44" value={cred.email} onChange={(e) => setCred({ ...cred, email: e.target.value })} />
            <input aria-label="Preview password" type="password" className="input h-8 w-36" value={cred.password} onChange={(e) => setCred({ ...cred, password: e.target.value })} />
            <button type="submit" className="btn btn-secondary btn-sm" data-testid="db-signin">Sign in to the preview</button>
          </form>
        ) : (
          <span className="ml-auto text-xs muted">Signed in to the preview as {cred.email}</span>
        )}
      </div>
      {authError !== null && <p role="alert" className="px-4 pt-2 text-sm text-red-700 dark:text-red-300">{errorMessage(authError)}</p>}
      {collection ? <Grid key={`${collection.path}:${token}`} base={base} collection={collection} token={token} refs={referenceTargets(collection, list, relations)} /> : <Empty title="No tables">The API has no entity collections.</Empty>}
    </div>
  );
}
