// Operational routes, real in every mode (also in the stub): health, readiness, OpenAPI, docs.
// The OpenAPI document is BackendForge's, written next to package.json (not hand-written).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import { pingDatabase } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed, sendProblem } from '../http/errors.js';

// openapi.json sits in the app root; this file is src/system/ (or dist/system/ when built).
const OPENAPI_PATH = new URL('../../openapi.json', import.meta.url);

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>API docs</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/docs-init.js"></script>
</body>
</html>
`;

const DOCS_INIT_JS = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

export function createSystemRouter(deps: AppDeps): Router {
  const openapi = readFileSync(OPENAPI_PATH, 'utf8');
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (req, res) => {
    try {
      await pingDatabase(deps.db);
      res.json({ status: 'ready' });
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      sendProblem(req, res, 503, 'Database is not reachable');
    }
  });

  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(openapi);
  });

  router.get(['/docs', '/docs/', '/docs/index.html'], (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/docs-init.js', (_req, res) => {
    res.type('application/javascript').send(DOCS_INIT_JS);
  });
  router.use('/docs', express.static(swaggerUiDir, { index: false, maxAge: '1h' }));

  // Known paths, other methods: 405 with Allow.
  router.all(['/health', '/ready', '/openapi.json', '/docs', '/docs/'], methodNotAllowed('GET, HEAD'));

  return router;
}
