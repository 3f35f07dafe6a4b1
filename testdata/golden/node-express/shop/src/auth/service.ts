// Registration, login (with a failure limit), refresh-token rotation with reuse detection.
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import { assertUnique } from '../db/integrity.js';
import { CustomerRepository } from '../entities/customer/repository.js';
import type { CustomerDto } from '../entities/customer/schema.js';
import { publishCustomer } from '../entities/customer/service.js';
import { HttpError, unauthorized } from '../http/errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import { LoginLimiter } from './login-limiter.js';
import { RefreshTokenRepository } from './refresh-token-repository.js';
import type { AuthTokens, RegisterInput } from './schema.js';
import { generateRefreshToken, hashRefreshToken } from './tokens.js';

type RotationResult = { ok: true; userId: string; refreshToken: string } | { ok: false; reason: string };

const REUSED = 'Refresh token was already used; all sessions of this login were revoked';

export class AuthService {
  private readonly users: CustomerRepository;
  private readonly refreshTokens: RefreshTokenRepository;
  private readonly limiter: LoginLimiter;

  constructor(private readonly deps: AppDeps) {
    this.users = new CustomerRepository(deps.db.kysely);
    this.refreshTokens = new RefreshTokenRepository(deps.db.kysely);
    this.limiter = new LoginLimiter(deps.config.login.maxFailures, deps.config.login.windowSeconds);
  }

  async register(input: RegisterInput): Promise<AuthTokens> {
    await assertUnique(this.deps.db.kysely, 'customers', [

      { column: 'email', path: 'email', value: input.email },


    ]);
    const id = await this.users.create({
      fullName: input.fullName,
      email: input.email,
      phone: input.phone ?? null,
      isVip: input.isVip ?? null,
      role: "customer", // never from the request: admins come from ADMIN_EMAIL
      passwordHash: await hashPassword(input.password),
    });
    const user = await this.users.findById(id);
    if (user === undefined) throw new Error('the new account is missing');
    publishCustomer(this.deps.events, 'created', user);
    return this.issue(user, randomUUID());
  }

  /** `client` identifies the caller for the failure limit (e.g. the remote address). */
  async login(identity: string, password: string, client: string): Promise<AuthTokens> {
    const key = `${identity}|${client}`;
    const wait = this.limiter.retryAfter(key);
    if (wait > 0) throw new HttpError(429, 'Too many failed logins; try again later', undefined, { 'Retry-After': String(wait) });
    const found = await this.users.findCredentials(identity);
    if (found === undefined) {
      await burnPasswordCheck(password);
      this.limiter.fail(key);
      throw unauthorized('Invalid credentials');
    }
    if (!(await verifyPassword(found.passwordHash, password))) {
      this.limiter.fail(key);
      throw unauthorized('Invalid credentials');
    }
    this.limiter.succeed(key);
    return this.issue(found.user, randomUUID());
  }

  /**
   * Rotation: each refresh token works once and is replaced by a new one of the same family.
   * Presenting an already-rotated token means it leaked: the whole family is revoked.
   */
  async refresh(refreshToken: string): Promise<AuthTokens> {
    const result = await this.deps.db.kysely.transaction().execute(async (trx): Promise<RotationResult> => {
      const repo = new RefreshTokenRepository(trx);
      const stored = await repo.findByHash(hashRefreshToken(refreshToken));
      if (stored === undefined) return { ok: false, reason: 'Invalid refresh token' };
      if (stored.revokedAt !== null) {
        await repo.revokeFamily(stored.familyId);
        return { ok: false, reason: REUSED };
      }
      if (Date.parse(stored.expiresAt) <= Date.now()) return { ok: false, reason: 'Refresh token expired' };
      const next = generateRefreshToken();
      const nextId = await repo.insert({
        userId: stored.userId,
        familyId: stored.familyId,
        tokenHash: hashRefreshToken(next),
        expiresAt: this.refreshExpiry(),
      });
      if (!(await repo.markRotated(stored.id, nextId))) {
        await repo.revokeFamily(stored.familyId);
        return { ok: false, reason: REUSED };
      }
      return { ok: true, userId: stored.userId, refreshToken: next };
    });
    if (!result.ok) throw unauthorized(result.reason);
    const user = await this.users.findById(result.userId);
    if (user === undefined) throw unauthorized('Invalid refresh token');
    return this.tokensFor(user, result.refreshToken);
  }

  async me(userId: string): Promise<CustomerDto> {
    const user = await this.users.findById(userId);
    if (user === undefined) throw unauthorized();
    return user;
  }

  private refreshExpiry(): string {
    return new Date(Date.now() + this.deps.tokens.refreshTokenTtlSeconds * 1000).toISOString();
  }

  private async issue(user: CustomerDto, familyId: string): Promise<AuthTokens> {
    const refreshToken = generateRefreshToken();
    await this.refreshTokens.insert({
      userId: user.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: this.refreshExpiry(),
    });
    return this.tokensFor(user, refreshToken);
  }

  private async tokensFor(user: CustomerDto, refreshToken: string): Promise<AuthTokens> {
    return {
      tokenType: 'Bearer',
      accessToken: await this.deps.tokens.signAccessToken({ sub: user.id, role: user.role }),
      expiresIn: this.deps.tokens.accessTokenTtlSeconds,
      refreshToken,
      user,
    };
  }
}
