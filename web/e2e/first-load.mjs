// First load of the app on loopback with a cold cache: a fresh browser profile per run, the
// sign-in screen (the first screen), measured with the browser's Navigation Timing
// (loadEventEnd) and the time until the first interactive control is painted.
// Usage: node e2e/first-load.mjs http://127.0.0.1:8080 [runs=5]
import { launch } from './browser.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const runs = Number(process.argv[3] ?? 5);
const BUDGET_MS = 1500;
const rows = [];
for (let i = 0; i < runs; i++) {
  const b = await launch({ width: 1440, height: 900 });
  const t0 = Date.now();
  await b.page.goto(`${base}/signin`, { waitUntil: 'load' });
  await b.page.waitForSelector('[data-testid="auth-submit"]');
  const wall = Date.now() - t0;
  const nav = await b.page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    return {
      ttfb: Math.round(n.responseStart),
      domContentLoaded: Math.round(n.domContentLoadedEventEnd),
      load: Math.round(n.loadEventEnd),
      fcp: Math.round(performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0),
      bytes: res.reduce((s, r) => s + (r.transferSize || 0), n.transferSize || 0),
      requests: res.length + 1,
    };
  });
  rows.push({ ...nav, ready: wall });
  await b.close();
}
const median = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
console.log(`first load of ${base}/signin, cold cache, ${runs} runs (median):`);
console.log(`  responseStart ${median('ttfb')} ms, DOMContentLoaded ${median('domContentLoaded')} ms, load ${median('load')} ms, first contentful paint ${median('fcp')} ms`);
console.log(`  sign-in form ready (wall clock, incl. navigation) ${median('ready')} ms; ${median('requests')} requests, ${(median('bytes') / 1024).toFixed(0)} KiB transferred`);
const ok = median('load') < BUDGET_MS;
console.log(`  budget ${BUDGET_MS} ms for load: ${ok ? 'met' : 'MISSED'}`);
process.exit(ok ? 0 : 1);
