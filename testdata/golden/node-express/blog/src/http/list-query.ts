// Shared infrastructure: pagination, sorting and exact-match filters for list endpoints.
// GET /api/things?page=2&limit=50&sort=-createdAt&status=published
import { z } from 'zod';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
export const MAX_PAGE = 100_000;

/** No record has this id (ids are random v4 UUIDs): the match for malformed foreign-key filters. */
export const NO_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export interface SortTerm<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

export interface Page<T> {
  data: T[];
  page: number;
  limit: number;
  total: number;
}

export interface PageQuery {
  page: number;
  limit: number;
}

const pageFields = {
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
};

/** Query of nested reads (`/api/posts/{id}/comments`): page and limit only. */
export const pageQuerySchema = z.strictObject(pageFields);

/** Query-string schema for a list endpoint: page, limit, sort (whitelisted) and the given filters. */
export function listQuerySchema<F extends string, Shape extends z.ZodRawShape>(sortFields: readonly F[], filters: Shape) {
  const allowed = new Set<string>(sortFields);
  const sort = z
    .string()
    .optional()
    .transform((value, ctx): SortTerm<F>[] | undefined => {
      if (value === undefined) return undefined;
      const terms: SortTerm<F>[] = [];
      for (const raw of value.split(',')) {
        const term = raw.trim();
        const desc = term.startsWith('-');
        const field = desc ? term.slice(1) : term;
        if (!allowed.has(field)) {
          ctx.addIssue({
            code: 'custom',
            message: `Cannot sort by '${field}'. Allowed: ${sortFields.join(', ') || 'none'}`,
          });
          return z.NEVER;
        }
        terms.push({ field: field as F, direction: desc ? 'desc' : 'asc' });
      }
      return terms;
    });
  return z.strictObject({ ...pageFields, sort, ...filters });
}

/** Filter helpers: query strings are strings, so numbers and booleans are parsed first. */
export const filter = {
  number: <S extends z.ZodType<number, number>>(schema: S) =>
    z
      .string()
      .regex(NUMBER, 'Expected a number')
      .transform(Number)
      .pipe(schema)
      .optional(),
  boolean: () =>
    z
      .enum(['true', 'false'])
      .transform((s) => s === 'true')
      .optional(),
  /** Foreign keys: any string; one that is not a UUID matches no record. */
  reference: () =>
    z
      .string()
      .transform((s) => (GUID.test(s) ? s.toLowerCase() : NO_ID))
      .optional(),
};

export function offsetOf(page: number, limit: number): number {
  return (page - 1) * limit;
}
