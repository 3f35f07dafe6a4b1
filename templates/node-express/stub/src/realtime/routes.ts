// STUB (red run): GET /api/events is not implemented yet; it answers 501.
import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed, notImplemented } from '../http/errors.js';

export function createEventsRouter(_deps: AppDeps): Router {
  const router = Router();
  router.get('/', notImplemented);
  router.all('/', methodNotAllowed('GET'));
  return router;
}
