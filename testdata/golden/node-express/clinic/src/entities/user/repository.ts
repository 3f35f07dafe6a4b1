// User persistence: the only place that touches the users table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { UserTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { UserDto, UserListFilter, UserSortField } from './schema.js';

const SORT_COLUMNS: Record<UserSortField, keyof UserTable> = {
  name: 'name',
  email: 'email',
  dateOfBirth: 'date_of_birth',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: UserSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toUserDto(row: Selectable<UserTable>): UserDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    dateOfBirth: row.date_of_birth,


    role: row.role,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewUser {
  name: string;
  email: string;
  dateOfBirth: string | null;

  role: string;
  passwordHash: string;
}

/** Changed columns of an update (absent: unchanged). */
export interface UserChanges {
  name?: string | undefined;
  dateOfBirth?: string | null | undefined;

}

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<UserDto | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toUserDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: UserListFilter): Promise<Page<UserDto>> {
    let q = this.db.selectFrom('users');
    if (query.name !== undefined) q = q.where('name', '=', query.name);
    if (query.email !== undefined) q = q.where('email', '=', query.email);
    if (query.dateOfBirth !== undefined) q = q.where('date_of_birth', '=', query.dateOfBirth);

    if (query.ownedBy !== undefined) q = q.where('id', '=', query.ownedBy);

    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toUserDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewUser, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('users')
      .values({
        id,
        name: input.name,
        email: input.email,
        date_of_birth: input.dateOfBirth,

        role: input.role,
        password_hash: input.passwordHash,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: UserChanges): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        id,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.dateOfBirth !== undefined ? { date_of_birth: changes.dateOfBirth } : {}),

        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



  async findCredentials(identity: string): Promise<{ user: UserDto; passwordHash: string } | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', identity).executeTakeFirst();
    if (row === undefined) return undefined;
    return { user: toUserDto(row), passwordHash: row.password_hash };
  }

  async setRoleByIdentity(identity: string, role: string): Promise<boolean> {
    const result = await this.db
      .updateTable('users')
      .set({ role, updated_at: nowIso() })
      .where('email', '=', identity)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
