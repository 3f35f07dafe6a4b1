// Shared infrastructure: builds everything the app needs from a Config (used by server and tests).
import { ensureAdmin } from './auth/admin.js';
import { TokenService } from './auth/tokens.js';
import type { Config } from './config.js';
import { type DatabaseOptions, createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { AppDeps } from './deps.js';
import type { Logger } from './logger.js';
import { EventHub } from './realtime/events.js';

export async function createDeps(config: Config, logger: Logger, dbOptions: DatabaseOptions = {}): Promise<AppDeps> {
  const db = await createDatabase(config.databaseUrl, dbOptions);
  try {
    await migrateToLatest(db, logger);
    if (config.admin !== undefined) await ensureAdmin(db, config.admin, logger);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    config,
    db,
    logger,
    events: new EventHub(),
    tokens: new TokenService(config.jwt),
  };
}
