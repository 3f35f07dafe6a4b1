// /api/users routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { PostService } from '../post/service.js';
import { CommentService } from '../comment/service.js';
import { userListQuerySchema, userUpdateSchema } from './schema.js';
import { UserService } from './service.js';

export function createUserRouter(deps: AppDeps): Router {
  const svcUser = new UserService(deps);
  const svcPost = new PostService(deps);
  const svcComment = new CommentService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcUser.list(actorOf(req), parseQuery(userListQuerySchema, req)));
  });


  router.get('/:id', auth, async (req, res) => {
    res.json(await svcUser.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcUser.update(actorOf(req), id, parseBody(userUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcUser.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: posts.
  router.get('/:id/posts', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcUser.assertExists(id);

    res.json(await svcPost.list(actorOf(req), { ...page, authorId: id }));
  });

  // Nested read: comments.
  router.get('/:id/comments', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcUser.assertExists(id);

    res.json(await svcComment.list(actorOf(req), { ...page, authorId: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/posts', methodNotAllowed('GET'));
  router.all('/:id/comments', methodNotAllowed('GET'));

  return router;
}
