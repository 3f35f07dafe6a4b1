// Shared infrastructure: recognising constraint violations from either driver.

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

function asDriverError(err: unknown): DriverError | undefined {
  return typeof err === 'object' && err !== null ? err : undefined;
}

/** True for a UNIQUE / PRIMARY KEY violation (SQLite or PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const e = asDriverError(err);
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True for a FOREIGN KEY violation (SQLite or PostgreSQL 23503). */
export function isForeignKeyViolation(err: unknown): boolean {
  const e = asDriverError(err);
  return e?.code === '23503' || e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** PostgreSQL data exceptions (class 22: out-of-range values, invalid text) from values that passed validation. */
export function isInvalidInput(err: unknown): boolean {
  const e = asDriverError(err);
  return typeof e?.code === 'string' && e.code.startsWith('22') && e.code.length === 5;
}
