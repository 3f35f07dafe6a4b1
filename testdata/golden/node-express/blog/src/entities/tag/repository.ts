// Tag persistence: the only place that touches the tags table.
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import {
  nowIso,
  toCount,
  toIso,
} from '../../db/database.js';
import type { TagTable, Database } from '../../db/schema.js';
import { type Page, offsetOf } from '../../http/list-query.js';
import type { TagDto, TagListFilter, TagSortField } from './schema.js';

const SORT_COLUMNS: Record<TagSortField, keyof TagTable> = {
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const DEFAULT_SORT: { field: TagSortField; direction: 'asc' | 'desc' }[] = [{ field: 'createdAt', direction: 'desc' }];


export function toTagDto(row: Selectable<TagTable>): TagDto {
  return {
    id: row.id,
    name: row.name,



    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** A new record: every column, in DTO form. */
export interface NewTag {
  name: string;


}

/** Changed columns of an update (absent: unchanged). */
export interface TagChanges {
  name?: string | undefined;

}

export class TagRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(id: string): Promise<TagDto | undefined> {
    const row = await this.db.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;

    return toTagDto(row);
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.db.selectFrom('tags').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async list(query: TagListFilter): Promise<Page<TagDto>> {
    let q = this.db.selectFrom('tags');
    if (query.name !== undefined) q = q.where('name', '=', query.name);
    if (query.viaPosts !== undefined) {
      const other = query.viaPosts;
      q = q.where('id', 'in', (eb) => eb.selectFrom('post_tags').select('tag_id').where('post_id', '=', other));
    }


    const { total } = await q.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow();
    let rows = q.selectAll();
    for (const term of query.sort ?? DEFAULT_SORT) {
      rows = rows.orderBy(SORT_COLUMNS[term.field], (ob) =>
        (term.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
      );
    }
    const data = await rows.orderBy('id').limit(query.limit).offset(offsetOf(query.page, query.limit)).execute();

    const items = data.map((r) => toTagDto(r));
    return { data: items, page: query.page, limit: query.limit, total: toCount(total) };
  }

  async create(input: NewTag, id: string = randomUUID(), at: string = nowIso()): Promise<string> {
    await this.db
      .insertInto('tags')
      .values({
        id,
        name: input.name,


        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  }

  async update(id: string, changes: TagChanges): Promise<void> {
    await this.db
      .updateTable('tags')
      .set({
        id,
        ...(changes.name !== undefined ? { name: changes.name } : {}),

        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('tags').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }



}
