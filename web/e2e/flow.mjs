// The full flow of the workbench in a real browser, against a running server (e2e/run.sh starts
// one): sign up, describe an app, plan and ER diagram, edit by chat, confirm and generate, red
// then green tests, preview, call an endpoint, DB Data, docs history, export — then every tab
// at desktop and mobile sizes in both themes with axe-core checks and screenshots. Steps the
// server cannot do yet are SKIPPED with the reason (never faked). Uses only stable test ids.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const specPath = join(here, '..', '..', 'testdata', 'golden', 'specs', 'shop.json');
const GENERATE = process.env.E2E_GENERATE !== '0';
const TABS = ['plan', 'system-diagram', 'services', 'endpoints', 'tests', 'db-data', 'docs', 'files'];

const results = [];
const state = { chat: false, plan: false, generated: false, preview: false };
const user = { name: 'Ada Lovelace', email: `ada.${Date.now()}@example.com`, password: 'analytical-engine-1843' };

function log(s) {
  process.stdout.write(`${s}\n`);
}
class Skip extends Error {}
const skip = (why) => {
  throw new Skip(why);
};

async function step(name, page, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, status: 'passed' });
    log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    if (e instanceof Skip) {
      results.push({ name, status: 'skipped', why: e.message });
      log(`  - ${name}: SKIPPED: ${e.message}`);
    } else {
      results.push({ name, status: 'failed', why: e.message });
      log(`  ✗ ${name}: ${e.message.split('\n')[0]}`);
      for (const line of stalledRequests(page)) log(`      still pending: ${line}`);
      await page.screenshot({ path: join(shots, `FAILED-${name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
      // A dialog left open by the failure would block every later step.
      if (await page.locator('dialog[open]').count().catch(() => 0)) await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
}

/** Requests of the page that have had no answer for 5 s or more (printed when a step fails). */
const pendingRequests = new WeakMap();
function trackRequests(page) {
  const pending = new Map();
  pendingRequests.set(page, pending);
  page.on('request', (r) => pending.set(r, Date.now()));
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
}
function stalledRequests(page) {
  const now = Date.now();
  return [...(pendingRequests.get(page) ?? new Map())].filter(([, t]) => now - t >= 5000).map(([r, t]) => `${r.method()} ${r.url()} (${r.resourceType()}, ${((now - t) / 1000).toFixed(0)} s)`);
}

const tid = (id) => `[data-testid="${id}"]`;

async function axe(page, label) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, target: v.nodes[0]?.target?.join(' ') }));
  });
  const serious = r.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) throw new Error(`${label}: ${serious.length} serious accessibility violation(s): ${serious.map((v) => `${v.id} (${v.nodes}x, e.g. ${v.target})`).join('; ')}`);
  return r;
}

async function noOverflow(page, label) {
  const o = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, w: window.innerWidth }));
  if (o.sw > o.w + 1) throw new Error(`${label}: the page is ${o.sw}px wide in a ${o.w}px viewport (horizontal overflow)`);
}

/** Calls the BackendForge API from the page (cookie session + CSRF), for setup the UI lacks. */
async function apiFromPage(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('bf_csrf='))?.slice(8) ?? '';
      const r = await fetch(path, { method, headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf) }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: r.status, body: await r.text() };
    },
    { method, path, body },
  );
}

/** Test setup, not product: copies the package cache of earlier runs (E2E_CACHE) into this run's
 *  data folder for the project's workspace (<data>/cache/<workspace>), so the install of the
 *  generated app reuses downloaded packages and prebuilt native modules. */
async function seedPackageCache(page, projectId) {
  const { E2E_DATA: data, E2E_CACHE: cache } = process.env;
  if (!data || !cache || !existsSync(cache) || !readdirSync(cache).length) return;
  const r = await apiFromPage(page, 'GET', `/api/projects/${projectId}`);
  const ws = JSON.parse(r.body).workspaceId;
  if (r.status !== 200 || !ws) return;
  const t0 = Date.now();
  cpSync(cache, join(data, 'cache', ws), { recursive: true });
  log(`    (package cache seeded from ${cache} in ${Date.now() - t0} ms)`);
}

async function openTab(page, tab) {
  await page.click(tid(`tab-${tab}`));
  await page.waitForFunction((t) => document.querySelector('#tab-panel')?.getAttribute('data-tab') === t, tab);
  await page.waitForTimeout(300);
  // Wait for loaders and skeletons to settle.
  await page.waitForFunction(() => !document.querySelector('#tab-panel [role="status"][aria-live], #tab-panel .animate-pulse'), null, { timeout: 20_000 }).catch(() => undefined);
}

async function desktop() {
  log(`desktop 1440x900 against ${base}`);
  const b = await launch({ width: 1440, height: 900 });
  const page = b.page;
  trackRequests(page);
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  let projectId = '';

  await step('sign up', page, async () => {
    await page.goto(base);
    await page.waitForSelector(tid('auth-submit'));
    await page.click(tid('auth-switch'));
    await page.fill(tid('auth-name'), user.name);
    await page.fill(tid('auth-email'), user.email);
    await page.fill(tid('auth-password'), user.password);
    await page.click(tid('auth-submit'));
    await page.waitForSelector(tid('new-project-button'), { timeout: 15_000 });
  });

  await step('create a project', page, async () => {
    await page.click(tid('new-project-button'));
    await page.fill(tid('project-name-input'), 'shop-api');
    await page.click(tid('project-create-submit'));
    await page.waitForSelector(tid('chat-input'));
    projectId = new URL(page.url()).pathname.split('/')[2];
    if (!/^\/p\/[^/]+\/plan$/.test(new URL(page.url()).pathname)) throw new Error(`unexpected URL ${page.url()}`);
  });

  await step('describe an app in the chat', page, async () => {
    await page.fill(tid('chat-input'), 'An e-commerce backend with products, categories, inventory and orders. Customers place orders; admins manage products.');
    await page.click(tid('chat-send'));
    const first = await Promise.race([
      page.waitForSelector('[data-testid="chat-message"][data-role="assistant"]', { timeout: 60_000 }).then(() => 'reply'),
      page.waitForSelector(tid('chat-error'), { timeout: 60_000 }).then(() => 'error'),
    ]);
    if (first === 'error') {
      const text = await page.textContent(tid('chat-error'));
      if (/unavailable/i.test(text ?? '')) {
        // Seed the spec through the API so the rest of the flow can run; reported as a skip.
        const spec = JSON.parse(readFileSync(specPath, 'utf8'));
        const r = await apiFromPage(page, 'PUT', `/api/projects/${projectId}/spec`, spec);
        if (r.status !== 200) throw new Error(`seeding the spec failed: ${r.status} ${r.body}`);
        skip(`the server's chat answered "${text?.trim()}"; the golden shop spec was loaded with PUT /api/projects/{pid}/spec instead`);
      }
      throw new Error(`chat error: ${text}`);
    }
    state.chat = true;
    // Answer clarifying questions with one click until a plan exists.
    for (let i = 0; i < 4; i++) {
      const kind = await page.getAttribute('[data-testid="chat-message"][data-role="assistant"]:last-of-type', 'data-kind');
      if (kind === 'planned') break;
      if (kind === 'refused') throw new Error('the description was refused');
      const option = page.locator(tid('chat-option')).last();
      if (!(await option.count())) break;
      const before = await page.locator('[data-testid="chat-message"][data-role="assistant"]').count();
      await option.click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chat-message"][data-role="assistant"]').length > n, before, { timeout: 60_000 });
    }
  });

  await step('see the plan', page, async () => {
    await openTab(page, 'plan');
    if (await page.locator(tid('plan-view')).count()) {
      state.plan = true;
      return;
    }
    skip('no plan: the server writes plans only in chat turns (GET /api/projects/{pid}/plan answers 404)');
  });

  let erBefore = '';
  await step('see the rendered ER diagram', page, async () => {
    await openTab(page, 'system-diagram');
    if (!state.plan) skip('no plan, so no ER diagram');
    await page.waitForSelector(`${tid('er-diagram')}[data-rendered="true"] svg`, { timeout: 30_000 });
    erBefore = await page.innerHTML(tid('er-diagram'));
  });

  await step('edit by chat and see the diagram change', page, async () => {
    if (!state.chat || !state.plan) skip('needs the chat and a plan');
    await page.fill(tid('chat-input'), 'add a review entity with a rating from 1 to 5 and a comment; a review belongs to a product');
    await page.click(tid('chat-send'));
    await page.waitForFunction(
      (before) => {
        const el = document.querySelector('[data-testid="er-diagram"][data-rendered="true"]');
        return el && el.innerHTML !== before && el.querySelector('svg');
      },
      erBefore,
      { timeout: 60_000 },
    );
    const after = await page.innerHTML(tid('er-diagram'));
    if (!/review/i.test(after)) throw new Error('the new entity is not in the ER diagram');
  });

  await step('confirm and watch the generation progress', page, async () => {
    if (!GENERATE) skip('E2E_GENERATE=0');
    await seedPackageCache(page, projectId);
    await page.click(tid('generate-button'));
    const outcome = await Promise.race([
      page.waitForSelector(tid('generate-progress'), { timeout: 30_000 }).then(() => 'progress'),
      page.waitForSelector(tid('error-dialog'), { timeout: 30_000 }).then(() => 'error'),
    ]);
    if (outcome === 'error') {
      const msg = (await page.textContent(tid('error-message')))?.trim();
      await page.keyboard.press('Escape');
      skip(`the server refused to generate: "${msg}"`);
    }
    await page.waitForSelector(`${tid('generate-progress-bar')}`);
    await page.waitForSelector(`${tid('generate-progress')}:is([data-status="succeeded"],[data-status="failed"],[data-status="cancelled"],[data-status="interrupted"])`, { timeout: 30 * 60_000 });
    const status = await page.getAttribute(tid('generate-progress'), 'data-status');
    const steps = await page.$$eval('[data-step]', (els) => els.map((e) => `${e.getAttribute('data-step')}=${e.getAttribute('data-status')}`));
    const text = (await page.textContent(`${tid('generate-progress')} [aria-live]`)) ?? '';
    // The UI showed the failure with the server's message; a server that cannot generate at all
    // (no templates, no sandbox, no toolchain) is a limit of that server, not of the UI.
    if (status === 'failed' && /no stacks|templates folder|sandbox is not available|toolchain/i.test(text)) skip(`the server cannot generate here: "${text.trim()}"`);
    if (status !== 'succeeded') throw new Error(`generation ${status}: ${(await page.textContent(tid('generate-progress')))?.slice(0, 400)} [${steps.join(' ')}]`);
    state.generated = true;
  });

  await step('see red then green in Tests', page, async () => {
    if (!state.generated) skip('nothing generated');
    await openTab(page, 'tests');
    await page.waitForSelector(`${tid('run-chip')}[data-phase="green"]`, { timeout: 30_000 });
    const red = await page.getAttribute(`${tid('run-chip')}[data-phase="red"]`, 'data-status');
    const green = await page.getAttribute(`${tid('run-chip')}[data-phase="green"]`, 'data-status');
    if (red !== 'failed' || green !== 'passed') throw new Error(`expected red=failed, green=passed; got red=${red}, green=${green}`);
    const summary = await page.textContent(tid('test-summary'));
    if (!/^\d+ passed, 0 failed/.test(summary ?? '')) throw new Error(`summary "${summary}"`);
  });

  await step('run all tests again', page, async () => {
    if (!state.generated) skip('nothing generated');
    const before = await page.locator(tid('run-chip')).count();
    await page.click(tid('run-all-tests'));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="run-chip"]').length > n, before, { timeout: 10 * 60_000 });
    const summary = await page.textContent(tid('test-summary'));
    if (!/^\d+ passed, 0 failed/.test(summary ?? '')) throw new Error(`summary "${summary}"`);
  });

  await step('start a preview', page, async () => {
    const s = await page.getAttribute(tid('preview-status'), 'data-state');
    if (s === 'unavailable') skip('this server has no preview endpoint (/api/projects/{pid}/preview)');
    if (!state.generated) skip('nothing generated');
    await page.click(tid('preview-button'));
    await page.waitForSelector(`${tid('preview-status')}[data-state="up"]`, { timeout: 120_000 });
    state.preview = true;
  });

  await step('call an endpoint', page, async () => {
    if (!state.preview) skip('needs a running preview');
    await openTab(page, 'tests');
    await page.selectOption('#call-op', { label: 'GET /health' }).catch(() => undefined);
    await page.fill('#call-expect', '200');
    await page.click(tid('call-send'));
    await page.waitForSelector(`${tid('call-result')}[data-ok="true"]`, { timeout: 20_000 });
  });

  let rowId = '';
  await step('create a row in DB Data', page, async () => {
    if (!state.preview) skip('needs a running preview');
    await openTab(page, 'db-data');
    await page.click(tid('db-signin'));
    await page.waitForSelector('text=Signed in to the preview', { timeout: 20_000 });
    await page.waitForSelector(`${tid('db-grid')}, ${tid('row-new')}`, { timeout: 20_000 });
    await page.click(tid('row-new'));
    await page.waitForSelector(tid('row-form'));
    // Reference fields are lists of the referenced table's rows; wait until they are read.
    await page.waitForFunction(() => !document.querySelector('[data-testid="row-form"] select[disabled]'), null, { timeout: 20_000 });
    // Values the generated API accepts, by the type and format each label names.
    const inputs = page.locator(`${tid('row-form')} input.input`);
    for (let i = 0; i < (await inputs.count()); i++) {
      const input = inputs.nth(i);
      const label = (await page.textContent(`label[for="${await input.getAttribute('id')}"]`)) ?? '';
      let value = 'E2E row';
      if ((await input.getAttribute('type')) === 'number') value = '1';
      else if (/uri|url/i.test(label)) value = 'https://example.com/e2e';
      else if (/email/i.test(label)) value = 'e2e@example.com';
      else if (/date-time/.test(label)) value = '2024-01-01T00:00:00.000Z';
      else if (/· date/.test(label)) value = '2024-01-01';
      else if (/uuid/.test(label)) continue; // a reference the form could not offer rows for
      await input.fill(value);
    }
    // A choice left empty (an enum without a default) takes its first value.
    for (const sel of await page.locator(`${tid('row-form')} select:not([data-reference])`).all()) {
      if (!(await sel.inputValue())) {
        const first = await sel.evaluate((e) => [...e.options].map((o) => o.value).find((v) => v && v !== 'true' && v !== 'false') ?? '');
        if (first) await sel.selectOption(first);
      }
    }
    // Every required reference offers the referenced table's rows and starts on the first one.
    const refs = await page.$$eval('[data-testid="row-form"] select[data-reference]', (els) => els.map((e) => ({ id: e.id, table: e.getAttribute('data-reference'), value: e.value, options: e.options.length })));
    for (const r of refs) {
      const required = (await page.textContent(`label[for="${r.id}"]`))?.includes('*');
      if (required && !r.value) throw new Error(`the required reference ${r.id} (${r.table}) offers no row (${r.options} options)`);
    }
    const before = await page.locator(tid('db-row')).count();
    await page.click(tid('row-save'));
    await Promise.race([
      page.waitForFunction((n) => document.querySelectorAll('[data-testid="db-row"]').length > n, before, { timeout: 20_000 }),
      page.waitForSelector(`${tid('row-form')} [role="alert"]`, { timeout: 20_000 }).then(async () => {
        const why = await page.textContent(`${tid('row-form')} [role="alert"]`);
        await page.keyboard.press('Escape');
        throw new Error(`the preview refused the row: ${why} (references: ${JSON.stringify(refs)})`);
      }),
    ]);
    rowId = (await page.locator(tid('db-row')).last().getAttribute('data-row-id')) ?? '';
    if (!rowId) throw new Error('the new row has no id');
  });

  await step('edit and delete the row in DB Data', page, async () => {
    if (!rowId) skip('no row was created');
    const row = page.locator(`${tid('db-row')}[data-row-id="${rowId}"]`);
    await row.locator('[aria-label="Edit row"]').click();
    await page.waitForSelector(tid('row-form'));
    await page.waitForFunction(() => !document.querySelector('[data-testid="row-form"] select[disabled]'), null, { timeout: 20_000 });
    // Change the first free-text field (a label without a format), else the first number.
    let changed = '';
    for (const input of await page.locator(`${tid('row-form')} input.input[type="text"]`).all()) {
      const label = (await page.textContent(`label[for="${await input.getAttribute('id')}"]`)) ?? '';
      if (/·/.test(label) || (await input.inputValue()) !== 'E2E row') continue;
      changed = 'E2E row (edited)';
      await input.fill(changed);
      break;
    }
    const number = page.locator(`${tid('row-form')} input.input[type="number"]`).first();
    if (!changed && (await number.count())) {
      changed = '2';
      await number.fill(changed);
    }
    if (!changed) {
      await page.keyboard.press('Escape');
      throw new Error('the row has no text or number field to edit');
    }
    await page.click(tid('row-save'));
    await page.waitForFunction(
      ({ id, text }) => [...document.querySelectorAll(`[data-testid="db-row"][data-row-id="${id}"] td`)].some((td) => td.textContent === text),
      { id: rowId, text: changed },
      { timeout: 20_000 },
    );
    page.once('dialog', (d) => void d.accept());
    await row.locator('[aria-label="Delete row"]').click();
    await page.waitForFunction((id) => !document.querySelector(`[data-testid="db-row"][data-row-id="${id}"]`), rowId, { timeout: 20_000 });
  });

  await step('see the docs and their change history', page, async () => {
    await openTab(page, 'docs');
    if (!(await page.locator(tid('docs-list')).count())) skip('the project has no documentation entries yet (written by chat edits and generation)');
    await page.fill(tid('docs-search'), 'v1');
    await page.fill(tid('docs-search'), '');
    await page.click(tid('docs-history-button'));
    await page.waitForSelector(tid('doc-diff'));
  });

  await step('export the OpenAPI document', page, async () => {
    await page.click(tid('export-button'));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(tid('export-openapi-json'))]);
    const file = await download.path();
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    if (!String(doc.openapi).startsWith('3.') || !Object.keys(doc.paths ?? {}).length) throw new Error('the export is not an OpenAPI document with paths');
  });

  await step('endpoints tab shows the API', page, async () => {
    await openTab(page, 'endpoints');
    await page.waitForSelector('.opblock', { timeout: 30_000 });
  });

  await step('services diagram shows colour-coded services', page, async () => {
    await openTab(page, 'services');
    await page.waitForSelector(tid('service-node'), { timeout: 20_000 });
  });

  await step('files tab opens a file in the editor', page, async () => {
    await openTab(page, 'files');
    if (!state.generated) skip('nothing generated');
    await page.locator(tid('file-item')).first().click();
    await page.waitForSelector(`${tid('code-editor')} .monaco-editor`, { timeout: 30_000 });
  });

  await step('files tab: a file\'s history lists its commits and shows a diff', page, async () => {
    if (!state.generated) skip('nothing generated');
    // Change a file in the editor and save it (a commit), then read that change in its history.
    const r = await apiFromPage(page, 'GET', `/api/projects/${projectId}/files`);
    const listed = JSON.parse(r.body);
    const files = Array.isArray(listed) ? listed : (listed.data ?? []);
    const target = files.find((f) => f.path === 'README.md')?.path ?? files[0]?.path;
    if (!target) throw new Error('the project lists no files');
    const folders = target.split('/').slice(0, -1);
    for (let i = 0; i < folders.length; i++) {
      const folder = page.locator(`${tid('file-folder')}[data-path="${folders.slice(0, i + 1).join('/')}"]`);
      if ((await folder.locator('xpath=..').getAttribute('aria-expanded')) !== 'true') await folder.click();
    }
    await page.click(`${tid('file-item')}[data-path="${target}"]`);
    await page.waitForSelector(`${tid('code-editor')}[data-path="${target}"] .monaco-editor`, { timeout: 30_000 });
    // Edit through the editor: append a line at the end and save with the button.
    await page.click(`${tid('code-editor')} .monaco-editor .view-lines`);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nEdited in the browser flow.');
    await page.click(tid('file-save'));
    await page.waitForSelector('text=Saved and committed.', { timeout: 20_000 });
    await page.click(tid('file-history-button'));
    await page.waitForSelector(tid('file-history-commit'), { timeout: 20_000 });
    const commits = await page.locator(tid('file-history-commit')).count();
    if (commits < 2) throw new Error(`expected the generation commit and the edit, got ${commits} commit(s) for ${target}`);
    await page.waitForSelector(`${tid('file-history-diff')} tr[data-kind="add"]`, { timeout: 20_000 });
    const added = (await page.$$eval('[data-testid="file-history-diff"] tr[data-kind="add"]', (rows) => rows.map((r) => r.textContent ?? ''))).join(' | ');
    if (!added.includes('Edited in the browser flow.')) throw new Error(`the newest commit's diff does not show the edit: "${added}"`);
    // The older commit (the generation) shows its own change to the file.
    await page.locator(tid('file-history-commit')).last().click();
    await page.waitForFunction((sha) => document.querySelector('[data-testid="file-history-diff"]')?.getAttribute('data-sha') === sha, await page.locator(tid('file-history-commit')).last().getAttribute('data-sha'), { timeout: 20_000 });
  });

  await step('state survives a reload (URL names project and tab)', page, async () => {
    await openTab(page, 'docs');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#tab-panel')?.getAttribute('data-tab') === 'docs', null, { timeout: 15_000 });
    if (!(await page.textContent(tid('project-name')))?.includes('shop-api')) throw new Error('project name missing after reload');
  });

  await step('keyboard shortcuts: ? lists them, Alt+1 switches tab', page, async () => {
    await page.click('body');
    await page.keyboard.press('?');
    await page.waitForSelector(`${tid('shortcuts-dialog')}[open]`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+1');
    await page.waitForFunction(() => document.querySelector('#tab-panel')?.getAttribute('data-tab') === 'plan');
  });

  // A failed generation stays on screen until dismissed; the screenshots show the tabs themselves.
  if (!state.generated && (await page.locator(tid('generate-progress-dismiss')).count())) await page.click(tid('generate-progress-dismiss'));
  for (const theme of ['light', 'dark']) {
    await step(`every tab at desktop size, ${theme} theme: axe and screenshots`, page, async () => {
      const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
      if ((theme === 'dark') !== dark) await page.click(tid('theme-toggle'));
      const problems = [];
      for (const t of TABS) {
        await openTab(page, t);
        await page.waitForTimeout(t === 'endpoints' || t === 'system-diagram' ? 1200 : 400);
        await page.screenshot({ path: join(shots, `desktop-${theme}-${t}.png`) });
        await axe(page, `desktop ${theme} ${t}`).catch((e) => problems.push(e.message));
        await noOverflow(page, `desktop ${theme} ${t}`).catch((e) => problems.push(e.message));
      }
      if (problems.length) throw new Error(problems.join('\n'));
    });
  }
  await step('projects page and sign-in page: axe and screenshots', page, async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector(tid('project-list-item'));
    await page.screenshot({ path: join(shots, 'desktop-dark-projects.png') });
    await axe(page, 'projects');
    await page.click(tid('theme-toggle'));
  });

  await step('no errors in the browser console (CSP, exceptions)', page, async () => {
    const real = consoleErrors.filter((e) => !/status of 40[49]|status of 503|Failed to load resource/.test(e));
    if (real.length) throw new Error(real.slice(0, 5).join('\n'));
  });
  await b.close();
}

async function mobile() {
  log('mobile 390x844');
  const b = await launch({ width: 390, height: 844, isMobile: true });
  const page = b.page;
  trackRequests(page);
  await step('mobile: sign in', page, async () => {
    await page.goto(base);
    await page.waitForSelector(tid('auth-submit'));
    await page.screenshot({ path: join(shots, 'mobile-light-signin.png') });
    await axe(page, 'mobile sign-in');
    await noOverflow(page, 'mobile sign-in');
    await page.fill(tid('auth-email'), user.email);
    await page.fill(tid('auth-password'), user.password);
    await page.click(tid('auth-submit'));
    await page.waitForSelector(tid('project-list-item'));
    await noOverflow(page, 'mobile projects');
    await page.click(tid('project-list-item'));
    await page.waitForSelector(tid('chat-input'));
    await page.click(tid('pane-tabs'));
    if (!state.generated && (await page.locator(tid('generate-progress-dismiss')).count())) await page.click(tid('generate-progress-dismiss'));
    await page.click(tid('pane-chat'));
  });
  for (const theme of ['light', 'dark']) {
    await step(`mobile: chat first, then every tab behind the switcher (${theme})`, page, async () => {
      const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
      if ((theme === 'dark') !== dark) await page.click(tid('theme-toggle'));
      await page.click(tid('pane-chat'));
      if (!(await page.isVisible(tid('chat-input')))) throw new Error('the chat is not the first pane');
      await page.screenshot({ path: join(shots, `mobile-${theme}-chat.png`) });
      const problems = [];
      await axe(page, `mobile ${theme} chat`).catch((e) => problems.push(e.message));
      await noOverflow(page, `mobile ${theme} chat`).catch((e) => problems.push(e.message));
      for (const t of TABS) {
        await page.click(tid('pane-tabs'));
        await page.locator(tid(`tab-${t}`)).scrollIntoViewIfNeeded();
        await openTab(page, t);
        await page.waitForTimeout(t === 'endpoints' || t === 'system-diagram' ? 1200 : 400);
        await page.screenshot({ path: join(shots, `mobile-${theme}-${t}.png`) });
        await axe(page, `mobile ${theme} ${t}`).catch((e) => problems.push(e.message));
        await noOverflow(page, `mobile ${theme} ${t}`).catch((e) => problems.push(e.message));
      }
      if (problems.length) throw new Error(problems.join('\n'));
    });
  }
  await b.close();
}

const t0 = Date.now();
await desktop();
await mobile();
const n = (s) => results.filter((r) => r.status === s).length;
log('');
const skipped = results.filter((r) => r.status === 'skipped');
if (skipped.length) {
  log('skipped (what this server does not offer yet):');
  for (const r of skipped) log(`  - ${r.name}: ${r.why}`);
}
for (const r of results.filter((x) => x.status === 'failed')) log(`FAILED ${r.name}:\n    ${r.why.replace(/\n/g, '\n    ')}`);
log(`e2e: ${((Date.now() - t0) / 1000).toFixed(0)} s, screenshots in ${shots}`);
log(`${n('passed')} passed, ${n('failed')} failed, ${n('skipped')} skipped`);
process.exit(n('failed') ? 1 : 0);
