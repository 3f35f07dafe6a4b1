// Shared infrastructure: the Express application (no listening, no process concerns).
import express, { type Express } from 'express';
import type { AppDeps } from './deps.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { requestLogging } from './http/request-logging.js';
import { mountRoutes } from './routes.js';
import { createSystemRouter } from './system/routes.js';

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');

  app.use(requestLogging(deps.logger));
  app.use(express.json({ limit: '1mb', type: ['application/json', '+json'] }));

  app.use(createSystemRouter(deps));
  mountRoutes(app, deps);

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
