// The one API client. Every call to the server goes through `request`, and every failure
// (HTTP error, RFC 9457 problem, network error, bad JSON) comes out of it as an ApiError with
// the server's own message, so components have one error path to handle.
//
// Auth: the server sets httpOnly cookies (bf_access, bf_refresh) and a readable bf_csrf cookie;
// writes send it back as X-CSRF-Token (double submit). A 401 triggers one refresh of the
// session (shared by concurrent calls) and one retry; when that fails, the session listeners
// hear `expired` and the app shows the sign-in screen.

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail: string;
    errors?: FieldError[];
    retryAfter?: number | undefined;
  }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title ?? defaultTitle(init.status);
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
  }

  /** True when the server does not have this endpoint (an older or smaller server). */
  get notAvailable(): boolean {
    return this.status === 404 && this.code === 'request.not_found';
  }
}

function defaultTitle(status: number): string {
  if (status === 0) return 'Network error';
  if (status === 401) return 'Not signed in';
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Not found';
  if (status === 409) return 'Conflict';
  if (status === 422) return 'Invalid request';
  if (status === 429) return 'Too many requests';
  if (status >= 500) return 'Server error';
  return 'Request failed';
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** A JSON body (sent with Content-Type: application/json). */
  json?: unknown;
  /** A raw body (e.g. file contents), sent as application/octet-stream. */
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** How to read a successful response (default: JSON, or undefined for 204). */
  as?: 'json' | 'text' | 'blob';
  /** Do not refresh the session on 401 (used by the auth calls themselves). */
  noRefresh?: boolean;
}

type SessionListener = (event: 'expired') => void;
const sessionListeners = new Set<SessionListener>();

/** Hears `expired` when a call got a 401 that a refresh could not fix. */
export function onSessionEvent(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  const retry = res.headers.get('Retry-After');
  const retryAfter = retry ? Number(retry) || undefined : undefined;
  const text = await res.text().catch(() => '');
  let body: Record<string, unknown> | undefined;
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    body = undefined;
  }
  if (body && typeof body.detail === 'string') {
    return new ApiError({
      status: res.status,
      code: typeof body.code === 'string' ? body.code : `http.${res.status}`,
      ...(typeof body.title === 'string' ? { title: body.title } : {}),
      detail: body.detail,
      errors: Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
      retryAfter,
    });
  }
  return new ApiError({
    status: res.status,
    code: `http.${res.status}`,
    detail: text.trim().slice(0, 300) || `${res.status} ${res.statusText}`.trim(),
    retryAfter,
  });
}

let refreshing: Promise<boolean> | null = null;

/** Rotates the session with the refresh cookie. Concurrent callers share one attempt. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': readCookie('bf_csrf') ?? '' },
    body: '{}',
  })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? (opts.json !== undefined || opts.body !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { Accept: 'application/json, */*;q=0.5', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.body !== undefined) {
    headers['Content-Type'] ??= 'application/octet-stream';
    body = opts.body;
  }
  if (method !== 'GET') {
    const csrf = readCookie('bf_csrf');
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  return fetch(buildUrl(path, opts.query), {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
    credentials: 'same-origin',
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await send(path, opts);
    // No bf_csrf cookie means no session to refresh (never signed in here).
    if (res.status === 401 && !opts.noRefresh && readCookie('bf_csrf')) {
      if (await refreshSession()) {
        res = await send(path, opts);
      }
      if (res.status === 401) sessionListeners.forEach((l) => l('expired'));
    }
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError({
      status: 0,
      code: 'network',
      detail: 'The BackendForge server could not be reached. Check that it is running, then retry.',
    });
  }
  if (!res.ok) throw await toApiError(res);
  if (opts.as === 'blob') return (await res.blob()) as T;
  if (opts.as === 'text') return (await res.text()) as T;
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ status: res.status, code: 'response.not_json', detail: 'The server sent a response that is not JSON.' });
  }
}

export const api = {
  get: <T>(path: string, opts: Omit<RequestOptions, 'method'> = {}) => request<T>(path, { ...opts, method: 'GET' }),
  post: <T>(path: string, json?: unknown, opts: Omit<RequestOptions, 'method' | 'json'> = {}) =>
    request<T>(path, { ...opts, method: 'POST', json: json ?? {} }),
  put: <T>(path: string, json: unknown, opts: Omit<RequestOptions, 'method' | 'json'> = {}) =>
    request<T>(path, { ...opts, method: 'PUT', json }),
  patch: <T>(path: string, json: unknown, opts: Omit<RequestOptions, 'method' | 'json'> = {}) =>
    request<T>(path, { ...opts, method: 'PATCH', json }),
  del: <T>(path: string, opts: Omit<RequestOptions, 'method'> = {}) => request<T>(path, { ...opts, method: 'DELETE' }),
};

/** A message for people: the server's detail, with field errors appended. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    const fields = e.errors.map((f) => `${f.path}: ${f.message}`).join('; ');
    return fields ? `${e.detail} (${fields})` : e.detail;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Path segments are encoded one by one, so a file path keeps its slashes. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
