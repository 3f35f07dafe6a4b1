// Infrastructure (real in the stub run too): health, readiness, request ids, 404/405, the served
// OpenAPI document, the docs page and the configuration.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { type TestContext, createTestContext } from './helpers/context.js';
import { expectProblem } from './helpers/factories.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('system', () => {
  it('GET /health answers without the database', async () => {
    const res = await request(t.app).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /ready pings the database', async () => {
    const res = await request(t.app).get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready' });
  });

  it('echoes a valid x-request-id and generates one otherwise', async () => {
    const echoed = await request(t.app).get('/health').set('x-request-id', 'abc-123');
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const generated = await request(t.app).get('/health').set('x-request-id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a 404 problem', async () => {
    expectProblem(await request(t.app).get('/no/such/route'), 404);
  });

  it('answers an undocumented method with 405 and Allow', async () => {
    const res = await request(t.app).delete('/health');
    expectProblem(res, 405);
    expect(res.headers['allow']).toBe('GET, HEAD');
  });
});

describe('API documentation', () => {
  it('GET /openapi.json serves the OpenAPI 3.1 document of the spec', async () => {
    const res = await request(t.app).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    const expected: [string, string][] = [
      ['/health', 'get'],
      ['/ready', 'get'],
      ['/openapi.json', 'get'],
      ['/docs', 'get'],
      ['/auth/register', 'post'],
      ['/auth/login', 'post'],
      ['/auth/refresh', 'post'],
      ['/auth/me', 'get'],
      ['/api/users', 'get'],
      ['/api/users/{id}', 'get'],
      ['/api/users/{id}', 'patch'],
      ['/api/users/{id}', 'delete'],
      ['/api/users/{id}/appointments', 'get'],
      ['/api/doctors', 'get'],
      ['/api/doctors', 'post'],
      ['/api/doctors/{id}', 'get'],
      ['/api/doctors/{id}', 'patch'],
      ['/api/doctors/{id}', 'delete'],
      ['/api/doctors/{id}/profile', 'get'],
      ['/api/doctors/{id}/appointments', 'get'],
      ['/api/doctors/{id}/rooms', 'get'],
      ['/api/doctor-profiles', 'get'],
      ['/api/doctor-profiles', 'post'],
      ['/api/doctor-profiles/{id}', 'get'],
      ['/api/doctor-profiles/{id}', 'patch'],
      ['/api/doctor-profiles/{id}', 'delete'],
      ['/api/rooms', 'get'],
      ['/api/rooms', 'post'],
      ['/api/rooms/{id}', 'get'],
      ['/api/rooms/{id}', 'patch'],
      ['/api/rooms/{id}', 'delete'],
      ['/api/rooms/{id}/appointments', 'get'],
      ['/api/rooms/{id}/doctors', 'get'],
      ['/api/appointments', 'get'],
      ['/api/appointments', 'post'],
      ['/api/appointments/{id}', 'get'],
      ['/api/appointments/{id}', 'patch'],
      ['/api/appointments/{id}', 'delete'],
      ['/api/events', 'get'],
    ];
    for (const [path, method] of expected) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it('GET /docs serves Swagger UI from the local package', async () => {
    const page = await request(t.app).get('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    const bundle = await request(t.app).get('/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    const init = await request(t.app).get('/docs/docs-init.js');
    expect(init.text).toContain('/openapi.json');
  });
});

describe('configuration', () => {
  it('refuses to start in production without JWT_SECRET, with a clear message', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required when NODE_ENV=production/);
  });

  it('rejects a short JWT_SECRET, a bad PORT and an unknown DATABASE_URL scheme', () => {
    const attempt = () => loadConfig({ JWT_SECRET: 'short', PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/JWT_SECRET/);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/DATABASE_URL/);
  });

  it('has development defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: 'sqlite:./data/app.db',
      logLevel: 'info',
    });
    expect(config.jwt).toMatchObject({ secretFromEnv: false, accessTokenTtlSeconds: 600 });
  });
});
