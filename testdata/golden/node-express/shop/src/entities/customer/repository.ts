// Customer persistence: the only place that touches the customers table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toBoolOrNull,
  toDbBoolOrNull,
  toIso,
} from '../../db/database.js';
import type { CustomerTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { CustomerDto, CustomerListFilter, CustomerSortField } from './schema.js';

const SORT_COLUMNS: Record<CustomerSortField, keyof CustomerTable> = {
  fullName: 'full_name',
  email: 'email',
  phone: 'phone',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: CustomerSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toCustomerDto(row: Selectable<CustomerTable>): CustomerDto {
  return {
    id: row.id,
    fullName: row.full_name,
    email: row.email,
    phone: row.phone,
    isVip: toBoolOrNull(row.is_vip),


    role: row.role,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewCustomer {
  fullName: string;
  email: string;
  phone: string | null;
  isVip: boolean | null;

  role: string;
  passwordHash: string;
}

/** Changed columns of an update (absent: unchanged). */
export interface CustomerChanges {
  fullName?: string | undefined;
  phone?: string | null | undefined;
  isVip?: boolean | null | undefined;

}

export class CustomerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<CustomerDto | undefined> {
    const row = await this.db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toCustomerDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: CustomerListFilter): Promise<Page<CustomerDto>> {
    let q = this.db.selectFrom('customers');
    if (query.fullName !== undefined) q = q.where('full_name', '=', query.fullName);
    if (query.email !== undefined) q = q.where('email', '=', query.email);
    if (query.phone !== undefined) q = q.where('phone', '=', query.phone);
    if (query.isVip !== undefined) q = q.where('is_vip', '=', (query.isVip ? 1 : 0));

    if (query.ownedBy !== undefined) q = q.where('id', '=', query.ownedBy);

    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toCustomerDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewCustomer, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('customers')
      .values({
        id,
        full_name: input.fullName,
        email: input.email,
        phone: input.phone,
        is_vip: toDbBoolOrNull(input.isVip),

        role: input.role,
        password_hash: input.passwordHash,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: CustomerChanges): Promise<void> {
    await this.db
      .updateTable('customers')
      .set({
        id,
        ...(changes.fullName !== undefined ? { full_name: changes.fullName } : {}),
        ...(changes.phone !== undefined ? { phone: changes.phone } : {}),
        ...(changes.isVip !== undefined ? { is_vip: toDbBoolOrNull(changes.isVip) } : {}),

        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('customers').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



  async findCredentials(identity: string): Promise<{ user: CustomerDto; passwordHash: string } | undefined> {
    const row = await this.db.selectFrom('customers').selectAll().where('email', '=', identity).executeTakeFirst();
    if (row === undefined) return undefined;
    return { user: toCustomerDto(row), passwordHash: row.password_hash };
  }

  async setRoleByIdentity(identity: string, role: string): Promise<boolean> {
    const result = await this.db
      .updateTable('customers')
      .set({ role, updated_at: nowIso() })
      .where('email', '=', identity)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
