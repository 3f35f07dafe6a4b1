// Global setup of the test run (vitest.config.ts): clears the examples of the previous run, and
// after the run merges the examples each test file wrote (helpers/examples.ts) into
// reports/examples.json, sorted by file and test name.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const EXAMPLES_DIR = path.resolve('reports', 'examples');
export const EXAMPLES_FILE = path.resolve('reports', 'examples.json');

export interface ExampleMessage {
  method?: string;
  path?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  truncated?: boolean;
}

export interface Example {
  file: string;
  test: string;
  request: ExampleMessage;
  response: ExampleMessage;
}

/** reports/examples/<file>.json for a test file ("test/posts.test.ts" -> "test_posts.test.ts.json"). */
export const fileNameFor = (testFile: string): string => `${testFile.replace(/[^\w.-]/g, '_')}.json`;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function mergeExamples(): void {
  if (!existsSync(EXAMPLES_DIR)) return;
  const all: Example[] = [];
  for (const name of readdirSync(EXAMPLES_DIR).sort(byName)) {
    if (!name.endsWith('.json')) continue;
    try {
      const list = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, name), 'utf8')) as unknown;
      if (Array.isArray(list)) all.push(...(list as Example[]));
    } catch {
      // A file cut short by a crashed worker: its examples are left out.
    }
  }
  all.sort((a, b) => byName(a.file, b.file) || byName(a.test, b.test));
  writeFileSync(EXAMPLES_FILE, `${JSON.stringify({ version: 1, examples: all }, null, 2)}\n`);
}

export default function setup(): () => void {
  rmSync(EXAMPLES_DIR, { recursive: true, force: true });
  rmSync(EXAMPLES_FILE, { force: true });
  return mergeExamples;
}
