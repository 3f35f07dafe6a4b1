// Shared infrastructure: one Kysely instance over SQLite (better-sqlite3) or PostgreSQL (pg),
// chosen by DATABASE_URL, and the conversions between column values and JSON values.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type SqlDialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: SqlDialect;
  /** PostgreSQL: the schema given in DatabaseOptions (tests), where migrations keep their tables. */
  schema?: string | undefined;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL only: the schema to use (search_path). Created if missing. Tests use one per file. */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// PostgreSQL: bigint (integer fields, counts) as numbers (values stay within 2^53, validated on
// write); date as the 'YYYY-MM-DD' text (not a Date at local midnight).
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export function dialectOf(url: string): SqlDialect {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(`Unsupported DATABASE_URL scheme: ${url.split(':')[0] ?? ''}`);
}

export async function createDatabase(url: string, options: DatabaseOptions = {}): Promise<Db> {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    const memory = file === ':memory:' || file === '';
    if (!memory) mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SqliteDatabase(memory ? ':memory:' : file);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    if (!memory) sqlite.pragma('journal_mode = WAL');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { kysely, dialect, destroy: () => kysely.destroy() };
  }

  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema !== undefined) await sql`create schema if not exists ${sql.id(schema)}`.execute(kysely);
  return { kysely, dialect, schema, destroy: () => kysely.destroy() };
}

/** Readiness probe: a trivial round trip to the database. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}

/** Converts a timestamp column value (Date from pg, string from SQLite) to an ISO-8601 string. */
export function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIso(value);
}

/** Booleans: stored as 1/0 (SQLite has no boolean; PostgreSQL accepts 1/0 for boolean columns). */
export function toBool(value: boolean | number): boolean {
  return value === true || value === 1;
}

export function toBoolOrNull(value: boolean | number | null): boolean | null {
  return value === null ? null : toBool(value);
}

export function toDbBool(value: boolean): number {
  return value ? 1 : 0;
}

export function toDbBoolOrNull(value: boolean | null): number | null {
  return value === null ? null : toDbBool(value);
}

/** JSON fields: stored as JSON text on both databases. */
export function parseJson(value: string): unknown {
  return JSON.parse(value) as unknown;
}

export function parseJsonOrNull(value: string | null): unknown {
  return value === null ? null : parseJson(value);
}

export function toDbJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function toDbJsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** Current time as the ISO string stored in timestamp columns. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** PostgreSQL may return count(*) as a string (bigint); SQLite as a number. */
export function toCount(value: string | number | bigint): number {
  return Number(value);
}
