// Input/output examples for the docs: for every test, one request the test sent to the app and
// the response it got (the first request of the test's own, else the first of its fixtures).
// Recorded on the server side of the app (nothing changes for the test), secrets masked, bodies
// cut at MAX_BODY_CHARS. Each test file writes reports/examples/<file>.json when its context
// closes; the global teardown (examples-setup.ts) merges them into reports/examples.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import { expect } from 'vitest';
import { EXAMPLES_DIR, type Example, type ExampleMessage, fileNameFor } from './examples-setup.js';

export const MAX_BODY_CHARS = 2048;
const MAX_CAPTURE_BYTES = 64 * 1024;
const MASK = '***';
const SECRET_KEY = /passw(or)?d|secret|token$|^authorization$|api[-_]?key|cookie/i;
const SECRET_PARAM = /([?&][^=&#]*(?:passw(?:or)?d|secret|token|api[-_]?key)[^=&#]*=)[^&#]*/gi;
const JWT = /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/;

interface Recorded {
  example: Example;
  fixture: boolean;
}

/** The requests of each test of this file, by test name, in the order they arrived. */
const recorded = new Map<string, Recorded[]>();
let fixtureDepth = 0;

/** Marks the requests sent while `pending` runs as a fixture's (set-up, not the test's own). */
export async function asFixture<T>(pending: PromiseLike<T>): Promise<T> {
  fixtureDepth++;
  try {
    return await pending;
  } finally {
    fixtureDepth--;
  }
}

/** Secrets replaced by "***": values of secret-looking keys and query parameters, JWT-shaped strings. */
export function mask(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mask);
  if (typeof value === 'string') return JWT.test(value) ? MASK : value;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v !== null ? MASK : mask(v);
    return out;
  }
  return value;
}

/** A body for the docs: masked JSON, or text; cut at MAX_BODY_CHARS (then `truncated`). */
function bodyOf(raw: unknown, into: ExampleMessage): void {
  if (raw === undefined || raw === '') return;
  const masked = mask(raw);
  const text = typeof masked === 'string' ? masked : JSON.stringify(masked, null, 2);
  if (text.length <= MAX_BODY_CHARS) {
    into.body = masked;
  } else {
    into.body = text.slice(0, MAX_BODY_CHARS);
    into.truncated = true;
  }
}

export const maskPath = (target: string): string => target.replace(SECRET_PARAM, `$1${MASK}`);

function headerText(v: number | string | string[] | undefined): string | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(', ') : String(v);
}

function currentTest(): { file: string; test: string } | undefined {
  const state = expect.getState();
  if (state.currentTestName === undefined || state.testPath === undefined) return undefined;
  return { file: path.relative(process.cwd(), state.testPath).split(path.sep).join('/'), test: state.currentTestName };
}

function record(req: IncomingMessage & { body?: unknown; originalUrl?: string }, res: ServerResponse): void {
  const at = currentTest();
  if (at === undefined) return;
  const request: ExampleMessage = { method: req.method ?? 'GET', path: maskPath(req.url ?? '/') };
  const auth = req.headers['authorization'];
  if (auth !== undefined) request.headers = { authorization: auth.startsWith('Bearer ') ? `Bearer ${MASK}` : MASK };
  const example: Example = { file: at.file, test: at.test, request, response: { status: 0 } };
  const list = recorded.get(`${at.file} > ${at.test}`) ?? [];
  list.push({ example, fixture: fixtureDepth > 0 });
  recorded.set(`${at.file} > ${at.test}`, list);

  // Tee what the app writes; the response itself is untouched.
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: unknown, encoding: unknown): void => {
    if (size >= MAX_CAPTURE_BYTES || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
    chunks.push(buf);
    size += buf.length;
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.write = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return write(...args);
  }) as ServerResponse['write'];
  res.end = ((...args: unknown[]) => {
    keep(args[0], args[1]);
    return end(...args);
  }) as ServerResponse['end'];

  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    request.path = maskPath(req.originalUrl ?? req.url ?? '/');
    bodyOf(req.body, request);
    const response: ExampleMessage = { status: res.statusCode };
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'location']) {
      const v = headerText(res.getHeader(name));
      if (v !== undefined) headers[name] = v;
    }
    if (Object.keys(headers).length > 0) response.headers = headers;
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    if (/json/.test(headers['content-type'] ?? '') && size < MAX_CAPTURE_BYTES) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    bodyOf(body, response);
    if (size >= MAX_CAPTURE_BYTES) response.truncated = true;
    example.response = response;
  };
  res.once('finish', finish);
  res.once('close', finish);
}

/** `app` with every request it serves during a test recorded (same object for the tests). */
export function recordingApp(app: Express): Express {
  return new Proxy(app, {
    apply(target, thisArg, args: unknown[]) {
      try {
        record(args[0] as IncomingMessage, args[1] as ServerResponse);
      } catch {
        // Recording is best effort: it never changes what the test sees.
      }
      return Reflect.apply(target, thisArg, args) as unknown;
    },
  });
}

/** Writes this test file's examples (one per test) to reports/examples/<file>.json. */
export function writeExamples(): void {
  const out: Example[] = [];
  for (const list of recorded.values()) {
    const chosen = list.find((r) => !r.fixture) ?? list[0];
    if (chosen !== undefined) out.push(chosen.example);
  }
  if (out.length === 0) return;
  out.sort((a, b) => (a.test < b.test ? -1 : a.test > b.test ? 1 : 0));
  try {
    mkdirSync(EXAMPLES_DIR, { recursive: true });
    writeFileSync(path.join(EXAMPLES_DIR, fileNameFor(out[0]?.file ?? 'tests')), `${JSON.stringify(out, null, 2)}\n`);
  } catch {
    // The examples are documentation: a write that fails never fails the tests.
  }
}
