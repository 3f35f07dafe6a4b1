// Calls an endpoint of the running preview with inputs and checks the response status.
import { useMemo, useState, type FormEvent } from 'react';
import { CheckCircle2, Send, XCircle } from 'lucide-react';
import { MethodBadge } from '@/components/Badge';
import { operations, type OpenApiDocument } from '@/lib/project';

interface Result {
  status: number;
  ms: number;
  body: string;
  ok: boolean;
}

export function CallEndpoint({ doc, baseUrl }: { doc: OpenApiDocument; baseUrl: string }) {
  const ops = useMemo(() => operations(doc), [doc]);
  const [index, setIndex] = useState(0);
  const op = ops[index];
  const [params, setParams] = useState<Record<string, string>>({});
  const [body, setBody] = useState('{\n  \n}');
  const [token, setToken] = useState('');
  const [expect, setExpect] = useState('200');
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  if (!op) return null;
  const pathParams = (op.op.parameters ?? []).filter((p) => p.in === 'path');
  const queryParams = (op.op.parameters ?? []).filter((p) => p.in === 'query');
  const hasBody = Boolean(op.op.requestBody);

  async function call(e: FormEvent) {
    e.preventDefault();
    if (!op) return;
    setBusy(true);
    let url = op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n] ?? ''));
    const q = new URLSearchParams();
    queryParams.forEach((p) => params[p.name] && q.set(p.name, params[p.name] ?? ''));
    if (q.toString()) url += `?${q}`;
    const t0 = performance.now();
    try {
      // The preview's own API, through the server's proxy: not the BackendForge API client.
      const res = await fetch(`${baseUrl.replace(/\/$/, '')}${url}`, {
        method: op.method,
        headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        ...(hasBody ? { body } : {}),
      });
      const text = await res.text();
      let pretty = text;
      try {
        pretty = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        /* not JSON: show as is */
      }
      setResult({ status: res.status, ms: Math.round(performance.now() - t0), body: pretty, ok: String(res.status) === expect.trim() });
    } catch (err) {
      setResult({ status: 0, ms: Math.round(performance.now() - t0), body: String(err), ok: false });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={call} className="space-y-3" data-testid="call-endpoint">
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
        <div>
          <label className="label" htmlFor="call-op">Endpoint</label>
          <select id="call-op" className="input" value={index} onChange={(e) => { setIndex(Number(e.target.value)); setResult(null); setParams({}); }}>
            {ops.map((o, i) => <option key={i} value={i}>{o.method} {o.path}</option>)}
          </select>
        </div>
        <div>
          <label className="label" htmlFor="call-expect">Expected status</label>
          <input id="call-expect" className="input" inputMode="numeric" value={expect} onChange={(e) => setExpect(e.target.value)} />
        </div>
      </div>
      {[...pathParams, ...queryParams].map((p) => (
        <div key={`${p.in}:${p.name}`}>
          <label className="label" htmlFor={`call-p-${p.name}`}>{p.name} <span className="font-normal muted">({p.in}{p.required ? ', required' : ''})</span></label>
          <input id={`call-p-${p.name}`} className="input font-mono" value={params[p.name] ?? ''} onChange={(e) => setParams({ ...params, [p.name]: e.target.value })} />
        </div>
      ))}
      {hasBody && (
        <div>
          <label className="label" htmlFor="call-body">JSON body</label>
          <textarea id="call-body" className="input h-28 resize-y py-2 font-mono text-xs" value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
      )}
      <div>
        <label className="label" htmlFor="call-token">Bearer token <span className="font-normal muted">(optional)</span></label>
        <input id="call-token" className="input font-mono" value={token} onChange={(e) => setToken(e.target.value)} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy || undefined} data-testid="call-send">
        <Send className="size-4" aria-hidden /> Send <MethodBadge method={op.method} />
      </button>
      {result && (
        <div className="card overflow-hidden" data-testid="call-result" data-ok={result.ok}>
          <div className={`flex items-center gap-2 px-3 py-2 text-sm ${result.ok ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300' : 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300'}`}>
            {result.ok ? <CheckCircle2 className="size-4" aria-hidden /> : <XCircle className="size-4" aria-hidden />}
            {result.status || 'no response'} · {result.ms} ms · {result.ok ? 'as expected' : `expected ${expect}`}
          </div>
          <pre tabIndex={0} className="max-h-64 overflow-auto p-3 font-mono text-xs">{result.body || '(empty body)'}</pre>
        </div>
      )}
    </form>
  );
}
