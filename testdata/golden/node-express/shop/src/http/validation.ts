// Shared infrastructure: zod parsing of bodies, query strings and path ids, and the value
// schemas every entity uses (`v.*`), written to accept exactly what the OpenAPI document allows.
//  - malformed JSON                                          -> 400 (express.json)
//  - invalid values, missing or unknown fields, non-objects  -> 422 with field errors
//  - malformed / unknown query parameters                    -> 400 with field errors
import type { Request } from 'express';
import { z } from 'zod';
import { type FieldError, HttpError, badRequest, notFound, unprocessable } from './errors.js';

/** The e-mail syntax, published as the `pattern` of e-mail fields in openapi.json. */
export const EMAIL_PATTERN = new RegExp("^(?:[A-Za-z0-9_'+\\-]+\\.)*[A-Za-z0-9_'+\\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// RFC 3339 date-time (JSON Schema "date-time"): any offset; normalised to UTC with milliseconds.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3986 URI (JSON Schema "uri"): a scheme, a colon, then URI characters only.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const NUL = '\u0000';

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0..99 to 1900..1999
  return year >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Value schemas shared by request bodies and list filters. */
export const v = {
  /** Text without NUL characters (PostgreSQL cannot store them); lengths in code points, as JSON Schema counts. */
  text: (bounds: { min?: number; max?: number } = {}) =>
    z
      .string()
      .refine((s) => !s.includes(NUL), 'Must not contain NUL characters')
      .refine((s) => bounds.min === undefined || [...s].length >= bounds.min, `At least ${bounds.min ?? 0} characters`)
      .refine(
        (s) => bounds.max === undefined || [...s].length <= bounds.max,
        `At most ${bounds.max ?? 0} characters`,
      ),
  /** The published pattern, plus RFC 5321's 64-character limit on the local part (as "format: email"). */
  email: () =>
    z
      .string()
      .regex(EMAIL_PATTERN, 'Invalid e-mail address')
      .refine((s) => s.indexOf('@') <= 64, 'The part before @ may have at most 64 characters')
      .transform((s) => s.toLowerCase()),
  url: () => z.string().regex(URI, 'Invalid URL'),
  guid: () =>
    z
      .string()
      .regex(GUID, 'Invalid UUID')
      .transform((s) => s.toLowerCase()),
  integer: () => z.number().int(),
  number: () => z.number(),
  datetime: () =>
    z.string().transform((s, ctx) => {
      const m = DATE_TIME.exec(s);
      const ms = m === null ? Number.NaN : Date.parse(s.toUpperCase());
      if (m === null || Number.isNaN(ms) || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
        ctx.addIssue({ code: 'custom', message: 'Invalid date-time (RFC 3339, e.g. 2024-01-15T10:00:00Z)' });
        return z.NEVER;
      }
      const iso = new Date(ms).toISOString();
      if (!/^\d{4}-/.test(iso) || iso.startsWith('0000')) {
        ctx.addIssue({ code: 'custom', message: 'Date-time out of range (years 0001 to 9999)' });
        return z.NEVER;
      }
      return iso;
    }),
  date: () =>
    z.string().refine((s) => {
      const m = DATE.exec(s);
      return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    }, 'Invalid date (YYYY-MM-DD)'),
  json: () => z.json(),
  /** Many-to-many ids: distinct UUIDs. */
  ids: () =>
    z
      .array(v.guid())
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, 'Ids must be distinct'),
};

export function toFieldErrors(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...base, key].join('.'), message: 'Unknown field' });
    } else {
      out.push({ path: base.join('.'), message: issue.message });
    }
  }
  return out;
}

export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  // req.is() is null without a body, false for a body that is not JSON.
  if (req.is(['application/json', '+json']) === false) {
    throw new HttpError(415, 'Request bodies must be application/json');
  }
  const result = schema.safeParse(req.body ?? {});
  if (result.success) return result.data;
  throw unprocessable('The request body is invalid', toFieldErrors(result.error));
}

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const result = schema.safeParse(req.query);
  if (result.success) return result.data;
  throw badRequest('Invalid query parameters', toFieldErrors(result.error));
}

/** Path ids are UUIDs; anything else cannot name a resource, so it is a 404. */
export function parseId(value: string | string[] | undefined): string {
  if (typeof value !== 'string' || !GUID.test(value)) throw notFound();
  return value.toLowerCase();
}
