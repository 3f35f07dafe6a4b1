// Shared infrastructure: bearer-token authentication.
// The user is re-read on every request, so a deleted user or a changed role takes effect at once.
import type { Request, RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { UserRepository } from '../entities/user/repository.js';
import { unauthorized } from '../http/errors.js';
import { setActor } from './access.js';

function bearerToken(req: Request, allowQueryToken: boolean): string | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1];
  }
  if (allowQueryToken) {
    const q = req.query['access_token'];
    if (typeof q === 'string' && q.length > 0) return q;
  }
  return undefined;
}

export interface AuthOptions {
  /** Accept `?access_token=` too (EventSource cannot send headers). */
  allowQueryToken?: boolean;
}

/** 401 unless the request carries a valid access token of an existing user. */
export function requireAuth(deps: AppDeps, options: AuthOptions = {}): RequestHandler {
  const users = new UserRepository(deps.db.kysely);
  return async (req, _res, next) => {
    const token = bearerToken(req, options.allowQueryToken ?? false);
    if (token === undefined) throw unauthorized();
    const claims = await deps.tokens.verifyAccessToken(token);
    if (claims === undefined) throw unauthorized('Invalid or expired access token');
    const user = await users.findById(claims.sub);
    if (user === undefined) throw unauthorized('Invalid or expired access token');
    setActor(req, { id: user.id, role: user.role });
    next();
  };
}
