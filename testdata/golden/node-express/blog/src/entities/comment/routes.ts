// /api/comments routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';

import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { commentCreateSchema, commentListQuerySchema, commentUpdateSchema } from './schema.js';
import { CommentService } from './service.js';

export function createCommentRouter(deps: AppDeps): Router {
  const svcComment = new CommentService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcComment.list(actorOf(req), parseQuery(commentListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcComment.create(actorOf(req), parseBody(commentCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcComment.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcComment.update(actorOf(req), id, parseBody(commentUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcComment.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });


  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));


  return router;
}
