// /auth routes: register, login, refresh, me.
import { Router } from 'express';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../http/errors.js';
import { parseBody } from '../http/validation.js';
import { actorOf, requireActor } from './access.js';
import { requireAuth } from './middleware.js';
import { loginSchema, refreshSchema, registerSchema } from './schema.js';
import { AuthService } from './service.js';

export function createAuthRouter(deps: AppDeps): Router {
  const auth = new AuthService(deps);
  const router = Router();

  router.post('/register', async (req, res) => {
    const result = await auth.register(parseBody(registerSchema, req));
    res.status(201).location(`/api/customers/${result.user.id}`).json(result);
  });

  router.post('/login', async (req, res) => {
    const body = parseBody(loginSchema, req);
    res.json(await auth.login(body.email, body.password, req.socket.remoteAddress ?? ''));
  });

  router.post('/refresh', async (req, res) => {
    res.json(await auth.refresh(parseBody(refreshSchema, req).refreshToken));
  });

  router.get('/me', requireAuth(deps), async (req, res) => {
    res.json(await auth.me(requireActor(actorOf(req)).id));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/register', methodNotAllowed('POST'));
  router.all('/login', methodNotAllowed('POST'));
  router.all('/refresh', methodNotAllowed('POST'));
  router.all('/me', methodNotAllowed('GET'));

  return router;
}
