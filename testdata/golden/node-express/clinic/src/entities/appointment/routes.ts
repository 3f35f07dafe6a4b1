// /api/appointments routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';

import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { appointmentCreateSchema, appointmentListQuerySchema, appointmentUpdateSchema } from './schema.js';
import { AppointmentService } from './service.js';

export function createAppointmentRouter(deps: AppDeps): Router {
  const svcAppointment = new AppointmentService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcAppointment.list(actorOf(req), parseQuery(appointmentListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcAppointment.create(actorOf(req), parseBody(appointmentCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcAppointment.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcAppointment.update(actorOf(req), id, parseBody(appointmentUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcAppointment.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });


  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));


  return router;
}
