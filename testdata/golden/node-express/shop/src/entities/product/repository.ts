// Product persistence: the only place that touches the products table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toBoolOrNull,
  toDbBoolOrNull,
  toIso,
} from '../../db/database.js';
import type { ProductTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { ProductDto, ProductListFilter, ProductSortField } from './schema.js';

const SORT_COLUMNS: Record<ProductSortField, keyof ProductTable> = {
  name: 'name',
  sku: 'sku',
  price: 'price',
  stock: 'stock',
  imageUrl: 'image_url',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: ProductSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toProductDto(row: Selectable<ProductTable>): ProductDto {
  return {
    id: row.id,
    name: row.name,
    sku: row.sku,
    description: row.description,
    price: row.price,
    stock: row.stock,
    imageUrl: row.image_url,
    active: toBoolOrNull(row.active),
    categoryId: row.category_id,


    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewProduct {
  name: string;
  sku: string;
  description: string | null;
  price: number;
  stock: number;
  imageUrl: string | null;
  active: boolean | null;
  categoryId: string | null;

}

/** Changed columns of an update (absent: unchanged). */
export interface ProductChanges {
  name?: string | undefined;
  sku?: string | undefined;
  description?: string | null | undefined;
  price?: number | undefined;
  stock?: number | undefined;
  imageUrl?: string | null | undefined;
  active?: boolean | null | undefined;
  categoryId?: string | null | undefined;
}

export class ProductRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<ProductDto | undefined> {
    const row = await this.db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toProductDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('products').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: ProductListFilter): Promise<Page<ProductDto>> {
    let q = this.db.selectFrom('products');
    if (query.name !== undefined) q = q.where('name', '=', query.name);
    if (query.sku !== undefined) q = q.where('sku', '=', query.sku);
    if (query.price !== undefined) q = q.where('price', '=', query.price);
    if (query.stock !== undefined) q = q.where('stock', '=', query.stock);
    if (query.imageUrl !== undefined) q = q.where('image_url', '=', query.imageUrl);
    if (query.active !== undefined) q = q.where('active', '=', (query.active ? 1 : 0));
    if (query.categoryId !== undefined) q = q.where('category_id', '=', query.categoryId);



    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toProductDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewProduct, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('products')
      .values({
        id,
        name: input.name,
        sku: input.sku,
        description: input.description,
        price: input.price,
        stock: input.stock,
        image_url: input.imageUrl,
        active: toDbBoolOrNull(input.active),
        category_id: input.categoryId,

        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: ProductChanges): Promise<void> {
    await this.db
      .updateTable('products')
      .set({
        id,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.sku !== undefined ? { sku: changes.sku } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.price !== undefined ? { price: changes.price } : {}),
        ...(changes.stock !== undefined ? { stock: changes.stock } : {}),
        ...(changes.imageUrl !== undefined ? { image_url: changes.imageUrl } : {}),
        ...(changes.active !== undefined ? { active: toDbBoolOrNull(changes.active) } : {}),
        ...(changes.categoryId !== undefined ? { category_id: changes.categoryId } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('products').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
