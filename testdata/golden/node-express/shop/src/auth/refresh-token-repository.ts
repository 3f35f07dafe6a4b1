// Shared infrastructure: refresh tokens, stored as sha256 hashes, grouped in rotation families.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { nowIso, toIso } from '../db/database.js';
import type { Database } from '../db/schema.js';

export interface StoredRefreshToken {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: string;
  revokedAt: string | null;
}

export class RefreshTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(input: { userId: string; familyId: string; tokenHash: string; expiresAt: string }): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('refresh_tokens')
      .values({
        id,
        user_id: input.userId,
        family_id: input.familyId,
        token_hash: input.tokenHash,
        expires_at: input.expiresAt,
        created_at: nowIso(),
        revoked_at: null,
        replaced_by: null,
      })
      .execute();
    return id;
  }

  async findByHash(tokenHash: string): Promise<StoredRefreshToken | undefined> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select(['id', 'user_id', 'family_id', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      id: row.id,
      userId: row.user_id,
      familyId: row.family_id,
      expiresAt: toIso(row.expires_at),
      revokedAt: row.revoked_at === null ? null : toIso(row.revoked_at),
    };
  }

  /** Marks one live token as used. False when it was already revoked (a concurrent reuse). */
  async markRotated(id: string, replacedBy: string): Promise<boolean> {
    const result = await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: nowIso(), replaced_by: replacedBy })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: nowIso() })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
