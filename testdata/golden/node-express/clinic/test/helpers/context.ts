// Shared test infrastructure: one app + one database per test file.
// SQLite in memory by default; with TEST_DATABASE_URL=postgres://… each file gets its own schema.
// The app records one request/response example per test for the docs (helpers/examples.ts).
import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { sql } from 'kysely';
import { createApp } from '../../src/app.js';
import { createDeps } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import { createLogger } from '../../src/logger.js';
import { recordingApp, writeExamples } from './examples.js';

export interface TestContext {
  app: Express;
  deps: AppDeps;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const pgUrl = process.env['TEST_DATABASE_URL'];
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: pgUrl !== undefined && pgUrl !== '' ? pgUrl : 'sqlite::memory:',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    SSE_HEARTBEAT_MS: '100',
    ...env,
  });
  const schema =
    pgUrl !== undefined && pgUrl !== '' ? `test_${randomUUID().replaceAll('-', '').slice(0, 20)}` : undefined;
  const deps = await createDeps(config, createLogger(config.logLevel), schema !== undefined ? { schema } : {});
  return {
    app: recordingApp(createApp(deps)),
    deps,
    async close() {
      writeExamples();
      deps.events.closeAll();
      if (schema !== undefined) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(deps.db.kysely);
      await deps.db.destroy();
    },
  };
}
