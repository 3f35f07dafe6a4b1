// Shared infrastructure: what every router and service is built from.
import type { TokenService } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { Logger } from './logger.js';
import type { EventHub } from './realtime/events.js';

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  events: EventHub;
  tokens: TokenService;
}
