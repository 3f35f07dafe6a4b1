// Which routers the app mounts. Identical in the stub variant; the stub replaces the router
// files themselves (auth/routes.ts, entities/*/routes.ts, realtime/routes.ts).
import type { Express } from 'express';
import { createAuthRouter } from './auth/routes.js';
import type { AppDeps } from './deps.js';
import { createUserRouter } from './entities/user/routes.js';
import { createPostRouter } from './entities/post/routes.js';
import { createCommentRouter } from './entities/comment/routes.js';
import { createTagRouter } from './entities/tag/routes.js';
import { createEventsRouter } from './realtime/routes.js';

export function mountRoutes(app: Express, deps: AppDeps): void {
  app.use('/auth', createAuthRouter(deps));
  app.use('/api/events', createEventsRouter(deps));
  app.use('/api/users', createUserRouter(deps));
  app.use('/api/posts', createPostRouter(deps));
  app.use('/api/comments', createCommentRouter(deps));
  app.use('/api/tags', createTagRouter(deps));
}
