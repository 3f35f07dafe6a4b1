// /api/categories routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { ProductService } from '../product/service.js';
import { categoryCreateSchema, categoryListQuerySchema, categoryUpdateSchema } from './schema.js';
import { CategoryService } from './service.js';

export function createCategoryRouter(deps: AppDeps): Router {
  const svcCategory = new CategoryService(deps);
  const svcProduct = new ProductService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcCategory.list(actorOf(req), parseQuery(categoryListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcCategory.create(actorOf(req), parseBody(categoryCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcCategory.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcCategory.update(actorOf(req), id, parseBody(categoryUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcCategory.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: children.
  router.get('/:id/children', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcCategory.assertExists(id);

    res.json(await svcCategory.list(actorOf(req), { ...page, parentId: id }));
  });

  // Nested read: products.
  router.get('/:id/products', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcCategory.assertExists(id);

    res.json(await svcProduct.list(actorOf(req), { ...page, categoryId: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/children', methodNotAllowed('GET'));
  router.all('/:id/products', methodNotAllowed('GET'));

  return router;
}
