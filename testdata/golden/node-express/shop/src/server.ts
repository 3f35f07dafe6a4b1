// Entry point: config -> database + migrations -> HTTP server, with graceful shutdown.
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { createDeps } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nRefusing to start. See .env.example.\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  if (!config.jwt.secretFromEnv) {
    logger.warn('JWT_SECRET is not set: using a random secret; tokens will not survive a restart');
  }

  const deps = await createDeps(config, logger);
  const app = createApp(deps);
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ port: config.port, host: config.host, db: deps.db.dialect }, 'listening');
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    deps.events.closeAll(); // SSE streams would keep the server open
    server.close(() => {
      deps.db
        .destroy()
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        })
        .catch((err: unknown) => {
          logger.error({ err }, 'error while closing the database');
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Fatal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
