// /api/doctor-profiles routes (HTTP only: parse, call the service, shape the response).
import { Router } from 'express';
import { actorOf } from '../../auth/access.js';
import { requireAuth } from '../../auth/middleware.js';
import type { AppDeps } from '../../deps.js';
import { methodNotAllowed } from '../../http/errors.js';

import { parseBody, parseId, parseQuery } from '../../http/validation.js';

import { doctorProfileCreateSchema, doctorProfileListQuerySchema, doctorProfileUpdateSchema } from './schema.js';
import { DoctorProfileService } from './service.js';

export function createDoctorProfileRouter(deps: AppDeps): Router {
  const svcDoctorProfile = new DoctorProfileService(deps);
  const auth = requireAuth(deps);
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await svcDoctorProfile.list(actorOf(req), parseQuery(doctorProfileListQuerySchema, req)));
  });

  router.post('/', auth, async (req, res) => {
    const created = await svcDoctorProfile.create(actorOf(req), parseBody(doctorProfileCreateSchema, req));
    res.status(201).location(`${req.baseUrl}/${created.id}`).json(created);
  });

  router.get('/:id', async (req, res) => {
    res.json(await svcDoctorProfile.get(actorOf(req), parseId(req.params.id)));
  });

  router.patch('/:id', auth, async (req, res) => {
    const id = parseId(req.params.id);
    res.json(await svcDoctorProfile.update(actorOf(req), id, parseBody(doctorProfileUpdateSchema, req)));
  });

  router.delete('/:id', auth, async (req, res) => {
    await svcDoctorProfile.delete(actorOf(req), parseId(req.params.id));
    res.status(204).end();
  });


  // Known paths, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET, POST'));
  router.all('/:id', methodNotAllowed('GET, PATCH, DELETE'));


  return router;
}
