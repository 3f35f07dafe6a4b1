// GET /api/events: Server-Sent Events stream of the changes the caller may read.
// Each change is `event: <entity>.<action>` plus one `data:` line holding
// {"type":"post.created","id":"…","data":{…}}; a `: ping` comment keeps idle proxies open.
import { Router } from 'express';
import { actorOf } from '../auth/access.js';
import { requireAuth } from '../auth/middleware.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../http/errors.js';

export function createEventsRouter(deps: AppDeps): Router {
  const router = Router();

  router.get('/', requireAuth(deps, { allowQueryToken: true }), (req, res) => {
    const actor = actorOf(req);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 5000\n: connected\n\n');

    const unsubscribe = deps.events.subscribe((event) => {
      if (!event.visibleTo(actor)) return;
      const payload = JSON.stringify({ type: event.type, id: event.id, data: event.data });
      res.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${payload}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), deps.config.sseHeartbeatMs);

    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      unregister();
      res.end();
    };
    const unregister = deps.events.onClose(close);
    req.on('close', close);
  });

  // Known path, other methods: 405 with Allow.
  router.all('/', methodNotAllowed('GET'));

  return router;
}
