// /api/tags routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { PostService } from '../post/service.js';
import { tagCreateSchema, tagListQuerySchema, tagUpdateSchema } from './schema.js';
import { TagService } from './service.js';

export function createTagRouter(deps: AppDeps): Router {
  const svcTag = new TagService(deps);
  const svcPost = new PostService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcTag.list(actorOf(req), parseQuery(tagListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcTag.create(actorOf(req), parseBody(tagCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcTag.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcTag.update(actorOf(req), id, parseBody(tagUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcTag.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: posts.
  router.get('/:id/posts', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcTag.assertExists(id);

    res.json(await svcPost.list(actorOf(req), { ...page, viaTags: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/posts', methodNotAllowed('GET'));

  return router;
}
