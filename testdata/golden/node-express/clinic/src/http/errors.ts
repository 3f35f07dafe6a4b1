// Shared infrastructure: RFC 9457 problem details for every error response.
import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { isForeignKeyViolation, isInvalidInput, isUniqueViolation } from '../db/errors.js';

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** An error that maps to a problem response. Throw it anywhere below a route. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? STATUS_CODES[status] ?? 'Error');
    this.name = 'HttpError';
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpError(400, detail, errors);
export const unauthorized = (detail = 'Authentication required') => new HttpError(401, detail);
export const forbidden = (detail = 'You are not allowed to do this') => new HttpError(403, detail);
export const notFound = (detail = 'Resource not found') => new HttpError(404, detail);
export const conflict = (detail: string, errors?: FieldError[]) => new HttpError(409, detail, errors);
export const unprocessable = (detail: string, errors?: FieldError[]) => new HttpError(422, detail, errors);

export function sendProblem(req: Request, res: Response, status: number, detail?: string, errors?: FieldError[]) {
  const problem: Problem = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail !== undefined ? { detail } : {}),
    instance: req.originalUrl.split('?')[0] ?? req.originalUrl,
    ...(errors !== undefined && errors.length > 0 ? { errors } : {}),
  };
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Fallback for unmatched routes. */
export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(req, res, 404, `No route for ${req.method} ${req.path}`);
};

/** For a known path with an unsupported method: 405 with `Allow` (OPTIONS answers 204 with `Allow`). */
export function methodNotAllowed(allow: string): RequestHandler {
  return (req, res) => {
    res.setHeader('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    sendProblem(req, res, 405, `${req.method} is not allowed here. Allowed: ${allow}`);
  };
}

/** Used by the stub implementation: every behavioural route answers 501. */
export const notImplemented: RequestHandler = (req, res) => {
  sendProblem(req, res, 501, `${req.method} ${req.baseUrl}${req.path} is not implemented yet`);
};

interface BodyParserError {
  type?: unknown;
  status?: unknown;
}

export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  if (err instanceof HttpError) {
    for (const [name, value] of Object.entries(err.headers ?? {})) res.setHeader(name, value);
    sendProblem(req, res, err.status, err.detail, err.errors);
    return;
  }
  const bp = typeof err === 'object' && err !== null ? (err as BodyParserError) : {};
  if (bp.type === 'entity.parse.failed') {
    sendProblem(req, res, 400, 'Malformed JSON in request body');
    return;
  }
  if (bp.type === 'entity.too.large') {
    sendProblem(req, res, 413, 'Request body is too large');
    return;
  }
  if (typeof bp.status === 'number' && bp.status >= 400 && bp.status < 500) {
    sendProblem(req, res, bp.status, STATUS_CODES[bp.status]);
    return;
  }
  // Races that slip past the service-level checks (e.g. two concurrent inserts of the same email).
  if (isUniqueViolation(err)) {
    sendProblem(req, res, 409, 'A record with the same unique value already exists');
    return;
  }
  if (isForeignKeyViolation(err)) {
    sendProblem(req, res, 409, 'A referenced record does not exist or is still referenced');
    return;
  }
  if (isInvalidInput(err)) {
    sendProblem(req, res, 422, 'A value is out of the range the database can store');
    return;
  }
  req.log.error({ err }, 'unhandled error');
  sendProblem(req, res, 500, 'An unexpected error occurred');
};
