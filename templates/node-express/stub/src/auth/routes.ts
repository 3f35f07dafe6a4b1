// STUB (red run): the /auth routes exist but are not implemented yet; every one answers 501.
import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed, notImplemented } from '../http/errors.js';

export function createAuthRouter(_deps: AppDeps): Router {
  const router = Router();
  router.post('/register', notImplemented);
  router.post('/login', notImplemented);
  router.post('/refresh', notImplemented);
  router.get('/me', notImplemented);
  router.all('/register', methodNotAllowed('POST'));
  router.all('/login', methodNotAllowed('POST'));
  router.all('/refresh', methodNotAllowed('POST'));
  router.all('/me', methodNotAllowed('GET'));
  return router;
}
