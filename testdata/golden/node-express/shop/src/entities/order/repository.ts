// Order persistence: the only place that touches the orders table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { OrderTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { OrderDto, OrderListFilter, OrderSortField } from './schema.js';

const SORT_COLUMNS: Record<OrderSortField, keyof OrderTable> = {
  status: 'status',
  total: 'total',
  placedAt: 'placed_at',
  shippingAddress: 'shipping_address',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: OrderSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toOrderDto(row: Selectable<OrderTable>): OrderDto {
  return {
    id: row.id,
    status: row.status as "pending" | "paid" | "shipped" | "delivered" | "cancelled",
    total: row.total,
    placedAt: toIso(row.placed_at),
    shippingAddress: row.shipping_address,
    customerId: row.customer_id,


    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewOrder {
  status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
  total: number;
  placedAt: string;
  shippingAddress: string;
  customerId: string;

}

/** Changed columns of an update (absent: unchanged). */
export interface OrderChanges {
  status?: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | undefined;
  total?: number | undefined;
  placedAt?: string | undefined;
  shippingAddress?: string | undefined;

}

export class OrderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<OrderDto | undefined> {
    const row = await this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toOrderDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('orders').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: OrderListFilter): Promise<Page<OrderDto>> {
    let q = this.db.selectFrom('orders');
    if (query.status !== undefined) q = q.where('status', '=', query.status);
    if (query.total !== undefined) q = q.where('total', '=', query.total);
    if (query.placedAt !== undefined) q = q.where('placed_at', '=', query.placedAt);
    if (query.shippingAddress !== undefined) q = q.where('shipping_address', '=', query.shippingAddress);
    if (query.customerId !== undefined) q = q.where('customer_id', '=', query.customerId);

    if (query.ownedBy !== undefined) q = q.where('customer_id', '=', query.ownedBy);

    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toOrderDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewOrder, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('orders')
      .values({
        id,
        status: input.status,
        total: input.total,
        placed_at: input.placedAt,
        shipping_address: input.shippingAddress,
        customer_id: input.customerId,

        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: OrderChanges): Promise<void> {
    await this.db
      .updateTable('orders')
      .set({
        id,
        ...(changes.status !== undefined ? { status: changes.status } : {}),
        ...(changes.total !== undefined ? { total: changes.total } : {}),
        ...(changes.placedAt !== undefined ? { placed_at: changes.placedAt } : {}),
        ...(changes.shippingAddress !== undefined ? { shipping_address: changes.shippingAddress } : {}),

        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('orders').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
