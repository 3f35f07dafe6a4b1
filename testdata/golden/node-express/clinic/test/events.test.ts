// GET /api/events (SSE). Needs a real listening server: supertest buffers whole responses.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from './helpers/context.js';
import { Fixtures } from './helpers/factories.js';

let t: TestContext;
let server: http.Server;
let base: string;
beforeAll(async () => {
  t = await createTestContext();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const f = new Fixtures(() => t);

interface Stream {
  status: number;
  contentType: string | undefined;
  /** Resolves with the accumulated text once `predicate` holds (or rejects after `ms`). */
  waitFor(predicate: (text: string) => boolean, ms?: number): Promise<string>;
  close(): void;
}

function openStream(path: string, headers: Record<string, string> = {}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      let text = '';
      const waiters: (() => void)[] = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        for (const w of waiters) w();
      });
      res.on('error', () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        contentType: res.headers['content-type'],
        waitFor(predicate, ms = 5000) {
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`timed out; stream so far:\n${text}`)), ms);
            const check = () => {
              if (predicate(text)) {
                clearTimeout(timer);
                ok(text);
              }
            };
            waiters.push(check);
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

describe('events (SSE)', () => {
  it('streams doctor.created with the record to a subscriber', async () => {
    const admin = await f.admin();
    const stream = await openStream('/api/events', admin.auth);
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      await stream.waitFor((s) => s.includes(': connected'));
      const created = await f.createDoctor();
      const text = await stream.waitFor((s) => s.includes(created.id));
      expect(text).toContain('event: doctor.created');
      const line = text.split('\n').find((l) => l.startsWith('data: ') && l.includes(created.id)) ?? '';
      expect(JSON.parse(line.slice('data: '.length))).toMatchObject({ type: 'doctor.created', id: created.id });
    } finally {
      stream.close();
    }
  });

  it('sends heartbeat comments', async () => {
    const admin = await f.admin();
    const stream = await openStream('/api/events', admin.auth);
    try {
      expect(stream.status).toBe(200);
      await stream.waitFor((s) => s.includes(': ping'));
    } finally {
      stream.close();
    }
  });

  it('needs a token (header or ?access_token=)', async () => {
    const anonymous = await openStream('/api/events');
    anonymous.close();
    expect(anonymous.status).toBe(401);
    const member = await f.member();
    const viaQuery = await openStream(`/api/events?access_token=${member.accessToken}`);
    try {
      expect(viaQuery.status).toBe(200);
    } finally {
      viaQuery.close();
    }
  });
});
