/** createApp(deps): the whole HTTP surface, the same on Node and Workers. */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from '../pipeline/deps.js';
import { identify, type AppEnv } from './auth.js';
import { apiRoutes } from './routes/api.js';
import { ingestRoutes } from './routes/ingest.js';
import { pageRoutes } from './routes/pages.js';
import { ackLinkRoutes } from './routes/ack-link.js';
import { oncallApiRoutes, oncallPageRoutes } from './routes/oncall.js';
import { lintRoutes } from './routes/lint.js';

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  // Pages carry no scripts at all: a CSP without script-src sources makes injected markup inert even if escaping failed.
  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"] } }));
  app.get('/healthz', (c) => c.json({ ok: true, brands: deps.config.brands.length, demo: deps.config.demo }));
  app.route('/api/ingest', ingestRoutes(deps));
  app.use('*', identify(deps));
  app.route('/api', apiRoutes(deps));
  app.route('/api', oncallApiRoutes(deps));
  app.use('/ack/*', csrf());
  app.route('/ack', ackLinkRoutes(deps));
  app.use('/incidents/*', csrf());
  app.use('/login', csrf());
  app.route('/', lintRoutes(deps)); // POST /api/lint-reply, and the incident page's draft box (after the CSRF guard)
  app.route('/', oncallPageRoutes(deps));
  app.route('/', pageRoutes(deps));
  app.onError((err, c) => {
    // A refusal raised by middleware (the cross-site form guard's 403, a body over its limit) is the answer, not a crash.
    if (err instanceof HTTPException) return err.getResponse();
    deps.log(`http ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
