// Parses every diagram of a JSON array [{id, source}, ...] with the real mermaid parser.
// Usage: node check_diagrams.mjs diagrams.json   (or JSON on stdin when no file is given)
// Exit 0: every diagram parses. Exit 1: at least one failed (each failure printed with its
// source, numbered, and the parser's message). Exit 2: bad input.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

// mermaid sanitizes labels with DOMPurify, which needs a DOM: give it jsdom's window.
const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const key of ['DOMParser', 'Element', 'HTMLElement', 'Node', 'NodeFilter', 'DocumentFragment']) {
  if (!(key in globalThis)) globalThis[key] = dom.window[key];
}

const { default: mermaid } = await import('mermaid');
const mermaidVersion = createRequire(import.meta.url)('mermaid/package.json').version;
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

function readInput() {
  const file = process.argv[2];
  const text = file && file !== '-' ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
  const items = JSON.parse(text);
  if (!Array.isArray(items)) throw new Error('expected a JSON array of {id, source}');
  for (const [i, it] of items.entries()) {
    if (typeof it?.id !== 'string' || typeof it?.source !== 'string') {
      throw new Error(`item ${i}: expected {id: string, source: string}`);
    }
  }
  return items;
}

function numbered(source) {
  return source.split('\n').map((l, i) => `${String(i + 1).padStart(4)} | ${l}`).join('\n');
}

let items;
try {
  items = readInput();
} catch (e) {
  console.error(`mermaid-check: bad input: ${e.message}`);
  process.exit(2);
}

const failures = [];
const kinds = new Map();
for (const { id, source } of items) {
  try {
    const res = await mermaid.parse(source);
    kinds.set(res.diagramType, (kinds.get(res.diagramType) ?? 0) + 1);
  } catch (e) {
    failures.push(id);
    console.error(`\n✗ ${id}\n${numbered(source)}\n--- error ---\n${e?.message ?? e}\n`);
  }
}
const summary = [...kinds.entries()].sort().map(([k, n]) => `${k}=${n}`).join(' ');
console.log(`mermaid ${mermaidVersion} checked ${items.length} diagrams (${summary})`);
console.log(`${items.length - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
