// Shared infrastructure: who may do what. Each entity's service states one rule per operation
// (from the spec's access lists); admins (admin) may always do everything.
import type { Request } from 'express';
import { forbidden, unauthorized } from '../http/errors.js';

export const ADMIN_ROLE = "admin";

export interface Principal {
  id: string;
  role: string;
}

export interface AccessRule {
  /** Anyone, signed in or not. */
  public: boolean;
  /** Any signed-in user. */
  authenticated: boolean;
  /** The record's owner (for the user entity: the user themselves). */
  owner: boolean;
  /** Users with one of these roles. */
  roles: readonly string[];
}

const actors = new WeakMap<Request, Principal>();

/** Set by the authentication middleware for a verified access token. */
export function setActor(req: Request, principal: Principal): void {
  actors.set(req, principal);
}

/** The signed-in caller, or undefined on a public route without a token. */
export function actorOf(req: Request): Principal | undefined {
  return actors.get(req);
}

export function isAdmin(actor: Principal | undefined): boolean {
  return actor !== undefined && actor.role === ADMIN_ROLE;
}

/** Allowed without looking at the record (public, any user, a role, admin). */
export function allowedWithoutOwnership(actor: Principal | undefined, rule: AccessRule): boolean {
  if (rule.public) return true;
  if (actor === undefined) return false;
  return isAdmin(actor) || rule.authenticated || rule.roles.includes(actor.role);
}

/** Allowed for this record, whose owner is `ownerId` (null: no owner). */
export function can(actor: Principal | undefined, rule: AccessRule, ownerId: string | null): boolean {
  if (allowedWithoutOwnership(actor, rule)) return true;
  return rule.owner && actor !== undefined && ownerId !== null && ownerId === actor.id;
}

/** Before loading a record: 403 when no record could make this allowed (role-only rules). */
export function precheck(actor: Principal | undefined, rule: AccessRule): void {
  if (actor === undefined && !rule.public) throw unauthorized();
  if (!rule.owner && !allowedWithoutOwnership(actor, rule)) throw forbidden();
}

/** After loading a record: 403 unless allowed for it. */
export function check(actor: Principal | undefined, rule: AccessRule, ownerId: string | null): void {
  if (!can(actor, rule, ownerId)) throw forbidden();
}

/** Lists: every record, only the caller's own (owner-only read rules), or 403. */
export function readScope(actor: Principal | undefined, rule: AccessRule): 'all' | { ownerId: string } {
  if (allowedWithoutOwnership(actor, rule)) return 'all';
  if (rule.owner && actor !== undefined) return { ownerId: actor.id };
  if (actor === undefined) throw unauthorized();
  throw forbidden();
}

/** The signed-in caller where the route requires one. */
export function requireActor(actor: Principal | undefined): Principal {
  if (actor === undefined) throw unauthorized();
  return actor;
}
