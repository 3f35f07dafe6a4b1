// Category persistence: the only place that touches the categories table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { CategoryTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { CategoryDto, CategoryListFilter, CategorySortField } from './schema.js';

const SORT_COLUMNS: Record<CategorySortField, keyof CategoryTable> = {
  name: 'name',
  slug: 'slug',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: CategorySortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toCategoryDto(row: Selectable<CategoryTable>): CategoryDto {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    parentId: row.parent_id,


    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewCategory {
  name: string;
  slug: string;
  parentId: string | null;

}

/** Changed columns of an update (absent: unchanged). */
export interface CategoryChanges {
  name?: string | undefined;
  slug?: string | undefined;
  parentId?: string | null | undefined;
}

export class CategoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<CategoryDto | undefined> {
    const row = await this.db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toCategoryDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('categories').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: CategoryListFilter): Promise<Page<CategoryDto>> {
    let q = this.db.selectFrom('categories');
    if (query.name !== undefined) q = q.where('name', '=', query.name);
    if (query.slug !== undefined) q = q.where('slug', '=', query.slug);
    if (query.parentId !== undefined) q = q.where('parent_id', '=', query.parentId);



    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toCategoryDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewCategory, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('categories')
      .values({
        id,
        name: input.name,
        slug: input.slug,
        parent_id: input.parentId,

        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: CategoryChanges): Promise<void> {
    await this.db
      .updateTable('categories')
      .set({
        id,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.slug !== undefined ? { slug: changes.slug } : {}),
        ...(changes.parentId !== undefined ? { parent_id: changes.parentId } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('categories').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
