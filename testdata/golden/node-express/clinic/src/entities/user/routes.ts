// /api/users routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { AppointmentService } from '../appointment/service.js';
import { userListQuerySchema, userUpdateSchema } from './schema.js';
import { UserService } from './service.js';

export function createUserRouter(deps: AppDeps): Router {
  const svcUser = new UserService(deps);
  const svcAppointment = new AppointmentService(deps);
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

  // Nested read: appointments.
  router.get('/:id/appointments', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcUser.assertExists(id);

    res.json(await svcAppointment.list(actorOf(req), { ...page, patientId: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/appointments', methodNotAllowed('GET'));

  return router;
}
