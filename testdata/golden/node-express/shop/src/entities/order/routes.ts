// /api/orders routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { OrderItemService } from '../order-item/service.js';
import { orderCreateSchema, orderListQuerySchema, orderUpdateSchema } from './schema.js';
import { OrderService } from './service.js';

export function createOrderRouter(deps: AppDeps): Router {
  const svcOrder = new OrderService(deps);
  const svcOrderItem = new OrderItemService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcOrder.list(actorOf(req), parseQuery(orderListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcOrder.create(actorOf(req), parseBody(orderCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcOrder.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcOrder.update(actorOf(req), id, parseBody(orderUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcOrder.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: items.
  router.get('/:id/items', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcOrder.assertExists(id);

    res.json(await svcOrderItem.list(actorOf(req), { ...page, orderId: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/items', methodNotAllowed('GET'));

  return router;
}
