// /api/doctors routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';
import { pageQuerySchema } from '../../http/list-query.js';
import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { DoctorProfileService } from '../doctor-profile/service.js';
import { AppointmentService } from '../appointment/service.js';
import { RoomService } from '../room/service.js';
import { doctorCreateSchema, doctorListQuerySchema, doctorUpdateSchema } from './schema.js';
import { DoctorService } from './service.js';

export function createDoctorRouter(deps: AppDeps): Router {
  const svcDoctor = new DoctorService(deps);
  const svcDoctorProfile = new DoctorProfileService(deps);
  const svcAppointment = new AppointmentService(deps);
  const svcRoom = new RoomService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await svcDoctor.list(actorOf(req), parseQuery(doctorListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcDoctor.create(actorOf(req), parseBody(doctorCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', async (req, res) => {
    res.json(await svcDoctor.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcDoctor.update(actorOf(req), id, parseBody(doctorUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcDoctor.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });

  // Nested read: profile (one-to-one).
  router.get('/:id/profile', async (req, res) => {
    const id = parseId(req.params.id);

    await svcDoctor.assertExists(id);
    res.json(await svcDoctorProfile.findOne(actorOf(req), { doctorId: id }));

  });

  // Nested read: appointments.
  router.get('/:id/appointments', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcDoctor.assertExists(id);

    res.json(await svcAppointment.list(actorOf(req), { ...page, doctorId: id }));
  });

  // Nested read: rooms.
  router.get('/:id/rooms', auth, async (req, res) => {
    const id = parseId(req.params.id);
    const page = parseQuery(pageQuerySchema, req);
    await svcDoctor.assertExists(id);

    res.json(await svcRoom.list(actorOf(req), { ...page, viaDoctors: id }));
  });

  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));
  router.all('/:id/profile', methodNotAllowed('GET'));
  router.all('/:id/appointments', methodNotAllowed('GET'));
  router.all('/:id/rooms', methodNotAllowed('GET'));

  return router;
}
