// Shared infrastructure: runs the in-code migrations to the latest version.
import { Migrator } from 'kysely';
import type { Logger } from '../logger.js';
import type { Db } from './database.js';
import { buildMigrations } from './migrations.js';

export async function migrateToLatest(db: Db, logger?: Logger): Promise<void> {
  const migrations = buildMigrations(db.dialect);
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Kysely looks for its own tables in every schema unless told which one.
    ...(db.schema !== undefined ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Success') logger?.info({ migration: r.migrationName }, 'migration applied');
    else if (r.status === 'Error') logger?.error({ migration: r.migrationName }, 'migration failed');
  }
  if (error !== undefined) throw error instanceof Error ? error : new Error('Migration failed', { cause: error });
}
