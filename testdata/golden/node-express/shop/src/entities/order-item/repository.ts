// OrderItem persistence: the only place that touches the order_items table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { OrderItemTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { OrderItemDto, OrderItemListFilter, OrderItemSortField } from './schema.js';

const SORT_COLUMNS: Record<OrderItemSortField, keyof OrderItemTable> = {
  quantity: 'quantity',
  unitPrice: 'unit_price',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: OrderItemSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toOrderItemDto(row: Selectable<OrderItemTable>): OrderItemDto {
  return {
    id: row.id,
    quantity: row.quantity,
    unitPrice: row.unit_price,
    orderId: row.order_id,
    productId: row.product_id,


    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewOrderItem {
  quantity: number;
  unitPrice: number;
  orderId: string;
  productId: string;

}

/** Changed columns of an update (absent: unchanged). */
export interface OrderItemChanges {
  quantity?: number | undefined;
  unitPrice?: number | undefined;
  orderId?: string | undefined;
  productId?: string | undefined;
}

export class OrderItemRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<OrderItemDto | undefined> {
    const row = await this.db.selectFrom('order_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toOrderItemDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('order_items').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: OrderItemListFilter): Promise<Page<OrderItemDto>> {
    let q = this.db.selectFrom('order_items');
    if (query.quantity !== undefined) q = q.where('quantity', '=', query.quantity);
    if (query.unitPrice !== undefined) q = q.where('unit_price', '=', query.unitPrice);
    if (query.orderId !== undefined) q = q.where('order_id', '=', query.orderId);
    if (query.productId !== undefined) q = q.where('product_id', '=', query.productId);



    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toOrderItemDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewOrderItem, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('order_items')
      .values({
        id,
        quantity: input.quantity,
        unit_price: input.unitPrice,
        order_id: input.orderId,
        product_id: input.productId,

        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: OrderItemChanges): Promise<void> {
    await this.db
      .updateTable('order_items')
      .set({
        id,
        ...(changes.quantity !== undefined ? { quantity: changes.quantity } : {}),
        ...(changes.unitPrice !== undefined ? { unit_price: changes.unitPrice } : {}),
        ...(changes.orderId !== undefined ? { order_id: changes.orderId } : {}),
        ...(changes.productId !== undefined ? { product_id: changes.productId } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('order_items').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
