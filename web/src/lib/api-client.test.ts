import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, buildUrl, encodePath, errorMessage, onSessionEvent } from './api-client';

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });
}

describe('api client', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    document.cookie = 'bf_csrf=tok123';
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('reads JSON and sends the CSRF header on writes only', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { data: [1] })).mockResolvedValueOnce(json(201, { id: 'p1' }));
    expect(await api.get('/api/x')).toEqual({ data: [1] });
    expect(await api.post('/api/y', { name: 'n' })).toEqual({ id: 'p1' });
    const [, getInit] = fetchMock.mock.calls[0] as [string, RequestInit];
    const [, postInit] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect((getInit.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect((postInit.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok123');
    expect((postInit.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(postInit.body).toBe('{"name":"n"}');
  });

  it('turns a problem+json answer into an ApiError with the server message and field errors', async () => {
    fetchMock.mockResolvedValueOnce(
      json(422, { type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'the request is not valid', code: 'validation.failed', errors: [{ path: 'name', message: 'required' }] }),
    );
    const e = await api.post('/api/z', {}).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    const a = e as ApiError;
    expect(a.status).toBe(422);
    expect(a.code).toBe('validation.failed');
    expect(a.errors).toEqual([{ path: 'name', message: 'required' }]);
    expect(errorMessage(a)).toBe('the request is not valid (name: required)');
  });

  it('keeps Retry-After and maps non-JSON errors and network failures to the same error type', async () => {
    fetchMock.mockResolvedValueOnce(json(429, { detail: 'too many requests', code: 'rate_limited' }, { 'Retry-After': '7' }));
    const limited = (await api.get('/a').catch((x: unknown) => x)) as ApiError;
    expect(limited.retryAfter).toBe(7);
    fetchMock.mockResolvedValueOnce(new Response('gateway broke', { status: 502 }));
    const bad = (await api.get('/b').catch((x: unknown) => x)) as ApiError;
    expect(bad.code).toBe('http.502');
    expect(bad.detail).toBe('gateway broke');
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const net = (await api.get('/c').catch((x: unknown) => x)) as ApiError;
    expect(net.status).toBe(0);
    expect(net.code).toBe('network');
  });

  it('refreshes the session once on 401 and retries', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { detail: 'expired', code: 'auth.token_expired' }))
      .mockResolvedValueOnce(json(200, { accessToken: 'x' }))
      .mockResolvedValueOnce(json(200, { ok: true }));
    expect(await api.get('/api/me')).toEqual({ ok: true });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
  });

  it('reports an expired session when the refresh fails', async () => {
    const heard = vi.fn();
    const off = onSessionEvent(heard);
    fetchMock.mockResolvedValueOnce(json(401, { detail: 'expired', code: 'auth.token_expired' })).mockResolvedValueOnce(json(401, { detail: 'no', code: 'auth.invalid' }));
    await expect(api.get('/api/me')).rejects.toBeInstanceOf(ApiError);
    expect(heard).toHaveBeenCalledWith('expired');
    off();
  });

  it('does not refresh for the auth calls themselves', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { detail: 'wrong email or password', code: 'auth.invalid_credentials' }));
    const e = (await api.post('/api/auth/login', {}, { noRefresh: true }).catch((x: unknown) => x)) as ApiError;
    expect(e.detail).toBe('wrong email or password');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('returns undefined for 204 and text or blobs on request', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 })).mockResolvedValueOnce(new Response('# Plan', { status: 200 }));
    expect(await api.del('/api/p')).toBeUndefined();
    expect(await api.get('/api/plan', { as: 'text' })).toBe('# Plan');
  });

  it('builds URLs and encodes file paths segment by segment', () => {
    expect(buildUrl('/api/export', { projectId: 'p 1', format: 'zip', empty: '', none: undefined })).toBe('/api/export?projectId=p+1&format=zip');
    expect(encodePath('src/routes/a b.ts')).toBe('src/routes/a%20b.ts');
  });
});
