// Shared infrastructure: JWT access tokens (HS256, iss/aud checked) and opaque refresh tokens
// (random, stored as sha256 hashes).
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Config } from '../config.js';

export interface AccessClaims {
  sub: string;
  role: string;
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(private readonly jwt: Config['jwt']) {
    this.key = new TextEncoder().encode(jwt.secret);
  }

  get accessTokenTtlSeconds(): number {
    return this.jwt.accessTokenTtlSeconds;
  }

  get refreshTokenTtlSeconds(): number {
    return this.jwt.refreshTokenTtlSeconds;
  }

  signAccessToken(claims: AccessClaims): Promise<string> {
    return new SignJWT({ role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(this.jwt.issuer)
      .setAudience(this.jwt.audience)
      .setIssuedAt()
      .setExpirationTime(`${this.jwt.accessTokenTtlSeconds}s`)
      .sign(this.key);
  }

  /** Returns the claims, or undefined for any invalid, expired or foreign token. */
  async verifyAccessToken(token: string): Promise<AccessClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.jwt.issuer,
        audience: this.jwt.audience,
      });
      const role = payload['role'];
      if (typeof payload.sub !== 'string' || typeof role !== 'string') return undefined;
      return { sub: payload.sub, role };
    } catch {
      return undefined;
    }
  }
}

export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
