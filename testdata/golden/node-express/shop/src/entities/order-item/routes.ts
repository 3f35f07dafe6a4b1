// /api/order-items routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';

import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { orderItemCreateSchema, orderItemListQuerySchema, orderItemUpdateSchema } from './schema.js';
import { OrderItemService } from './service.js';

export function createOrderItemRouter(deps: AppDeps): Router {
  const svcOrderItem = new OrderItemService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcOrderItem.list(actorOf(req), parseQuery(orderItemListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcOrderItem.create(actorOf(req), parseBody(orderItemCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcOrderItem.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcOrderItem.update(actorOf(req), id, parseBody(orderItemUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcOrderItem.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });


  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));


  return router;
}
