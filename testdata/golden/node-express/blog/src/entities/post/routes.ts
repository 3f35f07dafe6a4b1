// /api/posts routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { CommentService } from '../comment/service.js';
import { TagService } from '../tag/service.js';
import { postCreateSchema, postListQuerySchema, postUpdateSchema } from './schema.js';
import { PostService } from './service.js';

export function createPostRouter(deps: AppDeps): Router {
  const svcPost = new PostService(deps);
  const svcComment = new CommentService(deps);
  const svcTag = new TagService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcPost.list(actorOf(req), parseQuery(postListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcPost.create(actorOf(req), parseBody(postCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcPost.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcPost.update(actorOf(req), id, parseBody(postUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcPost.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: comments.
  router.get('/:id/comments', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcPost.assertExists(id);

    res.json(await svcComment.list(actorOf(req), { ...page, postId: id }));
  });

  // Nested read: tags.
  router.get('/:id/tags', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcPost.assertExists(id);

    res.json(await svcTag.list(actorOf(req), { ...page, viaPosts: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/comments', methodNotAllowed('GET'));
  router.all('/:id/tags', methodNotAllowed('GET'));

  return router;
}
