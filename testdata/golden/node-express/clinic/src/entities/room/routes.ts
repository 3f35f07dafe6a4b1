// /api/rooms routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { AppointmentService } from '../appointment/service.js';
import { DoctorService } from '../doctor/service.js';
import { roomCreateSchema, roomListQuerySchema, roomUpdateSchema } from './schema.js';
import { RoomService } from './service.js';

export function createRoomRouter(deps: AppDeps): Router {
  const svcRoom = new RoomService(deps);
  const svcAppointment = new AppointmentService(deps);
  const svcDoctor = new DoctorService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', auth, async (req, res) => {
    res.json(await svcRoom.list(actorOf(req), parseQuery(roomListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcRoom.create(actorOf(req), parseBody(roomCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', auth, async (req, res) => {
    res.json(await svcRoom.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcRoom.update(actorOf(req), id, parseBody(roomUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcRoom.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: appointments.
  router.get('/:id/appointments', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcRoom.assertExists(id);

    res.json(await svcAppointment.list(actorOf(req), { ...page, roomId: id }));
  });

  // Nested read: doctors.
  router.get('/:id/doctors', async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcRoom.assertExists(id);

    res.json(await svcDoctor.list(actorOf(req), { ...page, viaRooms: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/appointments', methodNotAllowed('GET'));
  router.all('/:id/doctors', methodNotAllowed('GET'));

  return router;
}
