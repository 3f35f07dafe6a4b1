// Which routers the app mounts. Identical in the stub variant; the stub replaces the router
// files themselves (auth/routes.ts, entities/*/routes.ts, realtime/routes.ts).
import type { Express } from 'express';
import { createAuthRouter } from './auth/routes.js';
import type { AppDeps } from './deps.js';
import { createUserRouter } from './entities/user/routes.js';
import { createDoctorRouter } from './entities/doctor/routes.js';
import { createDoctorProfileRouter } from './entities/doctor-profile/routes.js';
import { createRoomRouter } from './entities/room/routes.js';
import { createAppointmentRouter } from './entities/appointment/routes.js';
import { createEventsRouter } from './realtime/routes.js';

export function mountRoutes(app: Express, deps: AppDeps): void {
  app.use('/auth', createAuthRouter(deps));
  app.use('/api/events', createEventsRouter(deps));
  app.use('/api/users', createUserRouter(deps));
  app.use('/api/doctors', createDoctorRouter(deps));
  app.use('/api/doctor-profiles', createDoctorProfileRouter(deps));
  app.use('/api/rooms', createRoomRouter(deps));
  app.use('/api/appointments', createAppointmentRouter(deps));
}
