// Shared infrastructure: the checks services make before a write, so that clients get a precise
// 409/422 with the field instead of a constraint error (the constraints stay as the last guard).
import { type Kysely, sql } from 'kysely';
import { type FieldError, conflict, unprocessable } from '../http/errors.js';
import type { Database } from './schema.js';

export interface UniqueCheck {
  column: string;
  path: string;
  value: unknown;
}

/** 409 when another record of `table` already holds one of the values. */
export async function assertUnique(
  db: Kysely<Database>,
  table: string,
  checks: UniqueCheck[],
  exceptId?: string,
): Promise<void> {
  const errors: FieldError[] = [];
  for (const check of checks) {
    if (check.value === undefined || check.value === null) continue;
    const except = exceptId === undefined ? sql`` : sql` and id <> ${exceptId}`;
    const found = await sql<{ id: string }>`select id from ${sql.table(table)} where ${sql.ref(check.column)} = ${check.value}${except} limit 1`.execute(db);
    if (found.rows.length > 0) errors.push({ path: check.path, message: 'Already in use' });
  }
  if (errors.length > 0) throw conflict('A unique field already has this value', errors);
}

export interface ReferenceCheck {
  table: string;
  path: string;
  /** One id (a foreign key) or a list (many-to-many ids; errors name the index). */
  ids: string | readonly string[] | null | undefined;
}

/** 422 when a referenced record does not exist. */
export async function assertReferencesExist(db: Kysely<Database>, checks: ReferenceCheck[]): Promise<void> {
  const errors: FieldError[] = [];
  for (const check of checks) {
    if (check.ids === undefined || check.ids === null) continue;
    const list = typeof check.ids === 'string' ? [check.ids] : check.ids;
    const unique = [...new Set(list)];
    if (unique.length === 0) continue;
    const rows = await sql<{ id: string }>`select id from ${sql.table(check.table)} where id in (${sql.join(unique)})`.execute(db);
    const found = new Set(rows.rows.map((r) => String(r.id).toLowerCase()));
    list.forEach((id, index) => {
      if (!found.has(id.toLowerCase())) {
        const path = typeof check.ids === 'string' ? check.path : `${check.path}.${index}`;
        errors.push({ path, message: `No record with id ${id}` });
      }
    });
  }
  if (errors.length > 0) throw unprocessable('A referenced record does not exist', errors);
}

export interface RestrictCheck {
  table: string;
  column: string;
  what: string;
}

/** 409 when records with a "restrict" reference still point at `id`. */
export async function assertNotReferenced(db: Kysely<Database>, id: string, checks: RestrictCheck[]): Promise<void> {
  for (const check of checks) {
    const rows = await sql<{ id: string }>`select id from ${sql.table(check.table)} where ${sql.ref(check.column)} = ${id} limit 1`.execute(db);
    if (rows.rows.length > 0) {
      throw conflict(`Cannot delete: ${check.what} still refer to this record; delete or reassign them first`);
    }
  }
}
