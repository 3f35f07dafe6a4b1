// /api/products routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { OrderItemService } from '../order-item/service.js';
import { productCreateSchema, productListQuerySchema, productUpdateSchema } from './schema.js';
import { ProductService } from './service.js';

export function createProductRouter(deps: AppDeps): Router {
  const svcProduct = new ProductService(deps);
  const svcOrderItem = new OrderItemService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcProduct.list(actorOf(req), parseQuery(productListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcProduct.create(actorOf(req), parseBody(productCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcProduct.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcProduct.update(actorOf(req), id, parseBody(productUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcProduct.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: orderItems.
  router.get('/:id/order-items', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcProduct.assertExists(id);

    res.json(await svcOrderItem.list(actorOf(req), { ...page, productId: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/order-items', methodNotAllowed('GET'));

  return router;
}
