// /api/customers routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { OrderService } from '../order/service.js';
import { customerListQuerySchema, customerUpdateSchema } from './schema.js';
import { CustomerService } from './service.js';

export function createCustomerRouter(deps: AppDeps): Router {
  const svcCustomer = new CustomerService(deps);
  const svcOrder = new OrderService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcCustomer.list(actorOf(req), parseQuery(customerListQuerySchema, req)));
  });


  router.get('/:id', auth, async (req, res) => {
    res.json(await svcCustomer.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcCustomer.update(actorOf(req), id, parseBody(customerUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcCustomer.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: orders.
  router.get('/:id/orders', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcCustomer.assertExists(id);

    res.json(await svcOrder.list(actorOf(req), { ...page, customerId: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/orders', methodNotAllowed('GET'));

  return router;
}
